"""The demo: plan 572/KH-STTTT, mixed states with overdue tasks, review records, users."""

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from regulations.planning.choices import ReviewStatus
from regulations.planning.demo import DEMO_PASSWORD, USERS
from regulations.planning.models import Plan, PlanTask, ProgressReport, ReviewRecord


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def counts():
    return (
        PlanTask.objects.count(),
        ProgressReport.objects.count(),
        ReviewRecord.objects.count(),
        sum(t.revisions.count() for t in PlanTask.objects.all()),
    )


def test_demo_plan_tasks_reviews_and_users(demo_site):
    plan = Plan.objects.get(document__number_symbol="572/KH-STTTT")
    tasks = list(plan.tasks.all())
    assert len(tasks) >= 20
    assert {t.number.split(".")[0] for t in tasks} == {str(n) for n in range(1, 8)}
    assert {t.status for t in tasks} == {"chua_thuc_hien", "dang_thuc_hien", "cho_duyet",
                                         "hoan_thanh"}  # fmt: skip
    assert any(t.is_overdue() for t in tasks) and any(t.recurring for t in tasks)
    assert all(t.deadline.year == 2017 for t in tasks if t.deadline)
    for username in (user["username"] for user in USERS):
        login = RequestFactory().post("/admin/login/")  # django-axes needs the request
        assert authenticate(login, username=username, password=DEMO_PASSWORD) is not None
    statuses = {r.title: r.review_status for r in ReviewRecord.objects.all()}
    spending = [s for t, s in statuses.items() if "chi tiêu" in t]
    assert spending == [ReviewStatus.IN_REVIEW]
    procedure_statuses = sorted(s for t, s in statuses.items() if "thủ tục" in t)
    if procedure_statuses:  # the procedures demo made the two procedures
        assert set(procedure_statuses) == {ReviewStatus.APPROVED, ReviewStatus.REJECTED}
        rejected = next(r for r in ReviewRecord.objects.all() if r.review_status == "bi_tu_choi")
        assert "chi phí tuân thủ" in rejected.rejection_comment

    before = counts()
    call_command("load_demo", force=True, stdout=_Null(), stderr=_Null())
    assert counts() == before


def test_demo_progress_reports_are_signed_by_the_lead_units_own_staff(demo_site, client):
    from django.contrib.auth import get_user_model

    from regulations.planning.demo import REPORTERS

    reports = list(ProgressReport.objects.select_related("task__lead_unit", "reported_by"))
    assert reports
    for report in reports:
        profile = report.reported_by.staff_profile
        assert profile.unit_id == report.task.lead_unit_id, (
            f"{report.task}: báo cáo bởi {report.reported_by} ({profile.unit})"
        )
    cntt = [r for r in reports if r.task.lead_unit.code == "cong-nghe-thong-tin"]
    assert cntt and {r.reported_by.username for r in cntt} == {"chuyenvien.cntt"}
    # The reporters without a demo login cannot sign in.
    for username in (user["username"] for user in REPORTERS):
        assert not get_user_model().objects.get(username=username).has_usable_password()
    # Their unit's page names them, with no user names and no English action.
    client.force_login(get_user_model().objects.get(username="truongphong.cntt"))
    html = client.get("/admin/ke-hoach/").content.decode()
    recent = html[html.index('id="recent"') :]
    assert "Đỗ Thị Chuyên viên CNTT" in recent
    assert "chuyenvien.cntt" not in recent and "truongphong.vp" not in recent
    assert "Edited" not in recent
