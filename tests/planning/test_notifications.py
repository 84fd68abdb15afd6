"""E-mail notices: assigned, 7 and 1 days before, overdue, review awaiting; each once."""

from datetime import date

from django.core import mail
from django.core.management import call_command

from regulations.planning.jobs import send_deadline_notices
from regulations.planning.models import Notification
from regulations.planning.services.notifications import deadline_notices

from .conftest import make_task
from .helpers import approve_by, submitted_record


def test_assignment_mails_the_lead_units_head_and_staff_once(
    world, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        task = make_task(world.plan, "5", world.units["cntt"], deadline=date(2017, 12, 1))
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["chuyenvien@example.test", "truongphong@example.test"]
    assert "Được giao nhiệm vụ" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        task.title = "Đổi tên"
        task.save()  # same lead unit: no new notice
    assert len(mail.outbox) == 2
    assert Notification.objects.filter(task=task, kind="giao_nhiem_vu").count() == 2


def test_deadline_reminders_are_sent_once_each(world):
    task = world.tasks["cntt"]  # deadline 2017-06-30, lead CNTT (2 people)
    mail.outbox.clear()
    assert len(deadline_notices(date(2017, 6, 23))) == 2  # 7 days before
    assert len(deadline_notices(date(2017, 6, 23))) == 0  # already sent
    assert len(deadline_notices(date(2017, 6, 29))) == 2  # 1 day before
    assert len(deadline_notices(date(2017, 7, 1))) == 2  # overdue
    assert len(deadline_notices(date(2017, 7, 2))) == 0  # overdue notice only once
    kinds = sorted(set(Notification.objects.filter(task=task).values_list("kind", flat=True)))
    assert kinds == ["con_1_ngay", "con_7_ngay", "qua_han"]
    assert len(mail.outbox) == 6
    assert all(n.sent_at for n in Notification.objects.filter(task=task))


def test_completed_tasks_get_no_reminders(world):
    task = world.tasks["cntt"]
    task.status, task.completed_on = "hoan_thanh", date(2017, 6, 20)
    task.save()
    assert deadline_notices(date(2017, 6, 29)) == []
    assert deadline_notices(date(2017, 7, 5)) == []


def test_command_and_background_task_do_not_duplicate(world, capsys):
    call_command("send_notifications", "--date", "2017-07-01")
    first = Notification.objects.count()
    assert first == 2  # the CNTT task is overdue: its head and staff
    call_command("send_notifications", "--date", "2017-07-01")
    assert Notification.objects.count() == first
    # The background task runs on the real date: the KHTC task is overdue by now too.
    assert send_deadline_notices.enqueue().return_value == 2  # KHTC head and staff
    assert send_deadline_notices.enqueue().return_value == 0
    assert "Đã gửi 0 thông báo mới." in capsys.readouterr().out


def test_legal_officer_is_told_when_a_record_awaits_approval(
    world, client, django_capture_on_commit_callbacks
):
    record = submitted_record(world)
    with django_capture_on_commit_callbacks(execute=True):
        approve_by(client, record, world.users["truongphong_khtc"])
    notices = Notification.objects.filter(review=record, kind="cho_duyet_ra_soat")
    assert [n.recipient.username for n in notices] == ["phapche"]


def test_users_see_the_notices_sent_to_them(world, client):
    deadline_notices(date(2017, 7, 1))
    client.force_login(world.users["chuyenvien"])
    response = client.get("/admin/snippets/planning/notification/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Quá hạn" in body
    own = Notification.objects.filter(recipient=world.users["chuyenvien"]).count()
    others = Notification.objects.exclude(recipient=world.users["chuyenvien"])
    assert own >= 1 and others.exists()
    assert all(n.email not in body for n in others)
