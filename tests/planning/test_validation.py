"""Bad input: a clear Vietnamese message naming the field, and nothing saved."""

import io
import zipfile
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from regulations.planning.forms import PlanTaskForm
from regulations.planning.models import EvidenceFile, PlanTask, ProgressReport
from regulations.planning.services.evidence import detect_type
from regulations.planning.services.tasks import create_task, report_progress

from .conftest import make_task

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_deadline_before_plan_date_is_refused(world):
    task = PlanTask(
        plan=world.plan, title="Sớm", lead_unit=world.units["cntt"], deadline=date(2017, 3, 1)
    )
    with pytest.raises(ValidationError) as exc:
        task.full_clean()
    assert "trước ngày ban hành kế hoạch" in exc.value.message_dict["deadline"][0]


def test_task_needs_deadline_or_recurring_with_period(world):
    task = PlanTask(plan=world.plan, title="Không hạn", lead_unit=world.units["cntt"])
    with pytest.raises(ValidationError) as exc:
        task.full_clean()
    assert "deadline" in exc.value.message_dict
    task.recurring = True
    with pytest.raises(ValidationError) as exc:
        task.full_clean()
    assert "kỳ báo cáo" in exc.value.message_dict["reporting_period"][0]


@pytest.mark.parametrize("leads", [[], ["cntt", "khtc"]])
def test_create_task_needs_exactly_one_lead_unit(world, leads):
    before = PlanTask.objects.count()
    with pytest.raises(ValidationError) as exc:
        create_task(
            world.plan,
            lead_units=[world.units[c] for c in leads],
            title="X",
            deadline=date(2017, 6, 1),
        )
    assert "đúng một đơn vị chủ trì" in exc.value.message_dict["lead_unit"][0]
    assert PlanTask.objects.count() == before


def _form_data(world, **extra):
    data = {
        "plan": world.plan.pk,
        "title": "Nhiệm vụ mới",
        "deadline": "2017-06-30",
        "status": "chua_thuc_hien",
        "targets-TOTAL_FORMS": "0",
        "targets-INITIAL_FORMS": "0",
        "targets-MIN_NUM_FORMS": "0",
        "targets-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def _task_form_class():
    from regulations.planning.wagtail_hooks import PlanTaskViewSet

    return PlanTaskViewSet().get_edit_handler().get_form_class()


def test_task_form_without_lead_unit_is_refused(world):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.update(_form_data(world))
    form = _task_form_class()(data=data, instance=PlanTask())
    assert not form.is_valid()
    assert "lead_unit" in form.errors


def test_task_form_with_two_lead_units_is_refused(world):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.update(_form_data(world))
    data.setlist("lead_unit", [str(world.units["cntt"].pk), str(world.units["khtc"].pk)])
    form = _task_form_class()(data=data, instance=PlanTask())
    assert not form.is_valid()
    assert "đúng một đơn vị chủ trì" in " ".join(form.errors["lead_unit"])
    assert issubclass(_task_form_class(), PlanTaskForm)


def test_task_form_refuses_lead_unit_as_coordinator(world):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.update(_form_data(world, lead_unit=str(world.units["cntt"].pk)))
    data.setlist("coordinating_units", [str(world.units["cntt"].pk)])
    form = _task_form_class()(data=data, instance=PlanTask())
    assert not form.is_valid()
    assert "không thể đồng thời là đơn vị phối hợp" in " ".join(form.errors["coordinating_units"])


@pytest.mark.parametrize("percent", [-1, 101])
def test_percent_outside_0_100_is_refused(world, percent):
    task = world.tasks["cntt"]
    with pytest.raises(ValidationError) as exc:
        report_progress(
            task,
            world.users["chuyenvien"],
            percent=percent,
            content="x",
            reported_on=date(2017, 5, 1),
        )
    assert "từ 0 đến 100" in exc.value.message_dict["percent"][0]
    assert ProgressReport.objects.count() == 0


def test_percent_backwards_needs_a_reason(world):
    task, user = world.tasks["cntt"], world.users["chuyenvien"]
    report_progress(task, user, percent=60, content="a", reported_on=date(2017, 5, 1))
    with pytest.raises(ValidationError) as exc:
        report_progress(task, user, percent=40, content="b", reported_on=date(2017, 5, 10))
    assert "cần nêu lý do" in exc.value.message_dict["decrease_reason"][0]
    assert ProgressReport.objects.count() == 1
    report_progress(
        task,
        user,
        percent=40,
        content="b",
        reported_on=date(2017, 5, 10),
        decrease_reason="Phải làm lại phần khảo sát.",
    )
    assert ProgressReport.objects.count() == 2


@override_settings(EVIDENCE_MAX_FILE_SIZE=100)
def test_evidence_too_large_is_refused_and_nothing_saved(world):
    big = SimpleUploadedFile("bao-cao.pdf", PDF + b"0" * 200)
    with pytest.raises(ValidationError) as exc:
        report_progress(
            world.tasks["cntt"],
            world.users["chuyenvien"],
            percent=10,
            content="x",
            reported_on=date(2017, 5, 1),
            files=[big],
        )
    assert "quá lớn" in exc.value.message_dict["evidence"][0]
    assert ProgressReport.objects.count() == 0
    assert EvidenceFile.objects.count() == 0


def test_evidence_checked_by_content_not_extension(world):
    fake = SimpleUploadedFile("minh-chung.pdf", b"MZ\x90\x00 this is a windows program")
    with pytest.raises(ValidationError) as exc:
        report_progress(
            world.tasks["cntt"],
            world.users["chuyenvien"],
            percent=10,
            content="x",
            reported_on=date(2017, 5, 1),
            files=[fake],
        )
    assert "không thuộc loại được phép" in exc.value.message_dict["evidence"][0]
    assert ProgressReport.objects.count() == 0


def test_valid_evidence_is_stored_with_detected_type(world):
    named_wrong = SimpleUploadedFile("anh.png", PDF)  # a PDF named .png: stored as PDF
    report = report_progress(
        world.tasks["cntt"],
        world.users["chuyenvien"],
        percent=30,
        content="x",
        reported_on=date(2017, 5, 1),
        files=[named_wrong, SimpleUploadedFile("a.docx", docx_bytes())],
    )
    kinds = sorted(report.evidence_files.values_list("detected_type", flat=True))
    assert kinds == ["docx", "pdf"]
    assert all(f.file.name.endswith((".pdf", ".docx")) for f in report.evidence_files.all())


def test_detect_type_rejects_plain_zip_and_text():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "x")
    assert detect_type(io.BytesIO(buffer.getvalue())) is None
    assert detect_type(io.BytesIO(b"hello")) is None
    assert detect_type(io.BytesIO(b"\x89PNG\r\n\x1a\n....")) == "png"


def test_done_status_needs_completion_date_and_vice_versa(world):
    task = world.tasks["cntt"]
    task.status = "hoan_thanh"
    with pytest.raises(ValidationError) as exc:
        task.full_clean()
    assert "completed_on" in exc.value.message_dict
    task.status, task.completed_on = "dang_thuc_hien", date(2017, 6, 1)
    with pytest.raises(ValidationError):
        task.full_clean()


def test_progress_report_through_the_admin_form_shows_message_and_saves_nothing(world, client):
    client.force_login(world.users["chuyenvien"])
    url = f"/admin/ke-hoach/nhiem-vu/{world.tasks['cntt'].pk}/"
    response = client.post(
        url, {"action": "report", "reported_on": "2017-05-01", "percent": "150", "content": "x"}
    )
    assert response.status_code == 400
    assert "từ 0 đến 100" in response.content.decode()
    assert ProgressReport.objects.count() == 0
    response = client.post(
        url, {"action": "report", "reported_on": "2017-05-01", "percent": "20", "content": "ok"}
    )
    assert response.status_code == 302
    task = PlanTask.objects.get(pk=world.tasks["cntt"].pk)
    assert task.status == "dang_thuc_hien"
    assert task.latest_percent == 20


def test_make_task_helper_creates_revision(world):
    task = make_task(world.plan, "9", world.units["cntt"], deadline=date(2017, 12, 1))
    assert task.revisions.count() == 1


def test_evidence_is_served_only_to_signed_in_staff(world, client):
    report = report_progress(
        world.tasks["cntt"],
        world.users["chuyenvien"],
        percent=30,
        content="x",
        reported_on=date(2017, 5, 1),
        files=[SimpleUploadedFile("bien-ban.pdf", PDF)],
    )
    evidence = report.evidence_files.get()
    url = f"/admin/ke-hoach/minh-chung/{evidence.pk}/"
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(world.users["chuyenvien_khtc"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["X-Content-Type-Options"] == "nosniff"


def test_review_record_provision_path_must_exist(world):
    from regulations.planning.models import ReviewRecord

    from .helpers import internal_rule

    record = ReviewRecord(
        title="R",
        target_kind="quy_che_noi_bo",
        document=internal_rule(),
        provision_path="dieu-99",
        outcome="giu_nguyen",
        reason="x",
        responsible_unit=world.units["khtc"],
    )
    with pytest.raises(ValidationError) as exc:
        record.full_clean()
    assert "dieu-99" in exc.value.message_dict["provision_path"][0]
    record.provision_path = "dieu-6"
    record.full_clean()
