"""Phản ánh, kiến nghị: submit → unit notified → answer → public sees it, no personal data."""

from datetime import date, datetime

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from regulations.feedback.models import OVERDUE, Feedback, FeedbackStatus
from regulations.feedback.services.deadline import answer_deadline
from regulations.feedback.services.handling import answer_feedback, submit_feedback
from regulations.organisation.models import Role
from regulations.organisation.roles import assign_role, sync_role_groups
from tests.surveys.factories import ProcedureFactory, UnitFactory

pytestmark = pytest.mark.django_db
URL = "/phan-anh/"


def post_data(unit, **extra):
    data = {
        "subject": "Giấy hẹn ghi sai ngày",
        "message": "Tôi là Trần Thị Bình, số nhà 12 phố Huế; giấy hẹn ghi sai.",
        "unit": unit.pk,
        "name": "Trần Thị Bình",
        "contact": "0987 654 321",
    }
    data.update(extra)
    return data


def test_feedback_flow_submit_notify_answer_public(client):
    sync_role_groups()
    unit = UnitFactory(email="bcvt@so.example")
    head = User.objects.create_user("truongphong", email="truong.phong@so.example", password="x")
    assign_role(head, unit, Role.UNIT_HEAD)

    # 1. A citizen submits.
    response = client.post(URL, post_data(unit))
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.status == FeedbackStatus.NEW
    assert feedback.reference.startswith(f"PA-{timezone.localdate().year}-")
    assert feedback.deadline > timezone.localdate()
    thanks = client.get(response["Location"]).content.decode()
    assert feedback.reference in thanks

    # 2. The unit is notified (mailbox and unit head), with the message.
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["bcvt@so.example", "truong.phong@so.example"]
    assert "Giấy hẹn ghi sai ngày" in mail.outbox[0].subject
    assert "giấy hẹn ghi sai" in mail.outbox[0].body
    feedback.refresh_from_db()
    assert feedback.notified_at is not None

    # Before the answer and the staff's review the public sees nothing of it.
    assert feedback.published is False
    public = client.get(URL).content.decode()
    assert "Giấy hẹn ghi sai ngày" not in public
    assert client.get(reverse("feedback:detail", args=[feedback.reference])).status_code == 404

    # 3. The unit head answers in the admin.
    admin = Client()
    admin.force_login(head)
    edit_url = f"/admin/snippets/feedback/feedback/edit/{feedback.pk}/"
    page = admin.get(edit_url)
    assert page.status_code == 200
    response = admin.post(
        edit_url,
        {
            "subject": feedback.subject,
            "procedure": "",
            "unit": unit.pk,
            "deadline": feedback.deadline.isoformat(),
            "status": FeedbackStatus.IN_PROGRESS,
            "answer": "Đã cấp lại giấy hẹn đúng ngày và xin lỗi Quý khách.",
            "published": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.ANSWERED
    assert feedback.answered_by == head
    assert feedback.answered_at is not None

    # 4. The public list and detail show the answer, not the name, contact or message.
    for url in (URL, reverse("feedback:detail", args=[feedback.reference])):
        html = client.get(url).content.decode()
        assert "Đã trả lời" in html
        assert "Đã cấp lại giấy hẹn đúng ngày" in html
        assert "Trần Thị Bình" not in html
        assert "0987 654 321" not in html
        assert "số nhà 12 phố Huế" not in html


def test_unit_head_cannot_open_another_units_feedback():
    sync_role_groups()
    mine, other = UnitFactory(), UnitFactory()
    head = User.objects.create_user("tp", password="x")
    assign_role(head, mine, Role.UNIT_HEAD)
    foreign = submit_feedback(subject="Khác", message="Nội dung", unit=other)
    own = submit_feedback(subject="Của tôi", message="Nội dung", unit=mine)
    admin = Client()
    admin.force_login(head)
    listing = admin.get("/admin/snippets/feedback/feedback/").content.decode()
    assert own.reference in listing and foreign.reference not in listing
    response = admin.get(f"/admin/snippets/feedback/feedback/edit/{foreign.pk}/")
    assert response.status_code in (302, 403, 404)
    assert admin.get(f"/admin/snippets/feedback/feedback/edit/{own.pk}/").status_code == 200


def test_procedure_routes_feedback_to_its_handling_unit():
    procedure = ProcedureFactory()
    feedback = submit_feedback(subject="Lệ phí", message="Thu sai lệ phí", procedure=procedure)
    assert feedback.unit == procedure.handling_unit
    assert mail.outbox[0].to == [procedure.handling_unit.email]


def test_missing_subject_or_message_names_the_field(client):
    unit = UnitFactory()
    response = client.post(URL, post_data(unit, subject="", message=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tiêu đề" in html and "Nội dung phản ánh" in html
    assert Feedback.objects.count() == 0
    assert mail.outbox == []


def test_feedback_honeypot_rate_limit_and_csrf(client, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = (2, 600)
    unit = UnitFactory()
    assert client.post(URL, post_data(unit, website="x")).status_code == 302
    assert Feedback.objects.count() == 0
    assert client.post(URL, post_data(unit)).status_code == 302
    assert client.post(URL, post_data(unit)).status_code == 429
    assert Feedback.objects.count() == 1
    strict = Client(enforce_csrf_checks=True, REMOTE_ADDR="10.1.1.1")
    assert strict.post(URL, post_data(unit)).status_code == 403
    assert Feedback.objects.count() == 1


def test_deadline_is_ten_working_days_and_overdue_is_derived():
    # Friday 28/4/2017, before the 30/4 – 1/5 holidays: 10 working days never end
    # before 12 calendar days; with the calendar app they skip the holidays too.
    received = timezone.make_aware(datetime(2017, 4, 28, 9, 0))
    deadline = answer_deadline(received)
    assert deadline >= date(2017, 5, 10)
    feedback = submit_feedback(
        subject="Cũ", message="Chưa ai trả lời", unit=UnitFactory(), submitted_at=received
    )
    assert feedback.deadline == deadline
    assert feedback.display_status == OVERDUE
    assert Feedback.objects.overdue().count() == 1
    answer_feedback(feedback, "Đã xử lý.")
    assert feedback.display_status == FeedbackStatus.ANSWERED
    assert Feedback.objects.overdue().count() == 0


def test_answer_must_not_be_empty():
    from django.core.exceptions import ValidationError

    feedback = submit_feedback(subject="A", message="B", unit=UnitFactory())
    with pytest.raises(ValidationError):
        answer_feedback(feedback, "  ")
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.NEW


def test_new_feedback_is_unpublished_until_answered_and_reviewed(client):
    unit = UnitFactory()
    feedback = submit_feedback(subject="Tiêu đề có số 0912 000 111", message="Nội dung", unit=unit)
    assert feedback.published is False
    assert not Feedback.objects.public().exists()
    # Published by staff but not yet answered: still not public.
    Feedback.objects.filter(pk=feedback.pk).update(published=True)
    assert not Feedback.objects.public().exists()
    assert "0912 000 111" not in client.get(URL).content.decode()
    answer_feedback(feedback, "Đã xử lý.", published=True)
    assert list(Feedback.objects.public()) == [feedback]


def test_answered_but_unreviewed_feedback_stays_private(client):
    feedback = submit_feedback(subject="Chưa duyệt", message="Nội dung", unit=UnitFactory())
    answer_feedback(feedback, "Đã trả lời.")
    assert "Chưa duyệt" not in client.get(URL).content.decode()
    assert client.get(reverse("feedback:detail", args=[feedback.reference])).status_code == 404


def test_feedback_chooser_shows_a_unit_head_only_the_units_messages():
    sync_role_groups()
    mine, other = UnitFactory(), UnitFactory()
    head = User.objects.create_user("tp-chooser", password="x")
    assign_role(head, mine, Role.UNIT_HEAD)
    foreign = submit_feedback(subject="Bí mật đơn vị khác", message="Nội dung", unit=other)
    own = submit_feedback(subject="Việc của tôi", message="Nội dung", unit=mine)
    admin = Client()
    admin.force_login(head)
    chooser = "/admin/snippets/choose/feedback/feedback/"
    html = admin.get(chooser).json()["html"]
    assert "Việc của tôi" in html and "Bí mật đơn vị khác" not in html
    response = admin.get(f"{chooser}chosen/{foreign.pk}/")
    assert response.status_code == 404
    assert "Bí mật đơn vị khác" not in response.content.decode()
    assert admin.get(f"{chooser}chosen/{own.pk}/").status_code == 200
