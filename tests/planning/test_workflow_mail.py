"""Wagtail's workflow e-mails: Vietnamese, to the step's people of the record's unit,
linking to the configured base URL."""

import pytest
from django.core import mail
from django.test import override_settings

from cms.settings.env import served_base_url

from .helpers import approve_by, reject_by, submitted_record

ENGLISH = ["Hello", "has been submitted", "moderation stage", "You can edit", "preferences"]
BASE_URL = "http://127.0.0.1:8123"


def _mails_to(address):
    return [m for m in mail.outbox if address in m.to]


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
def test_submitting_a_review_mails_only_the_units_heads_in_vietnamese(world):
    mail.outbox.clear()
    record = submitted_record(world)  # a KHTC record, at the unit-head step
    assert [m.to for m in mail.outbox] == [["truongphong_khtc@example.test"]]
    message = mail.outbox[0]
    assert "Chờ duyệt" in message.subject and record.title in message.subject
    assert "đang chờ bước “Trưởng đơn vị duyệt”" in message.body
    assert message.body.startswith("Kính gửi ")
    assert not [w for w in ENGLISH if w in message.subject + message.body]
    edit = f"{BASE_URL}/admin/snippets/planning/reviewrecord/edit/{record.pk}/"
    assert edit in message.body
    assert "127.0.0.1:8000" not in message.body


def test_other_units_heads_and_superusers_get_no_mail(world):
    mail.outbox.clear()
    submitted_record(world)
    recipients = {address for m in mail.outbox for address in m.to}
    assert "truongphong@example.test" not in recipients  # CNTT's head
    assert "admin@example.test" not in recipients


def test_legal_step_is_announced_once_by_our_own_notice(
    world, client, django_capture_on_commit_callbacks
):
    record = submitted_record(world)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve_by(client, record, world.users["truongphong_khtc"])
    to_legal = _mails_to("phapche@example.test")
    assert len(to_legal) == 1
    assert to_legal[0].subject.startswith("Phiếu rà soát chờ duyệt")
    assert {a for m in mail.outbox for a in m.to} == {"phapche@example.test"}


def test_leadership_step_mails_leadership_in_vietnamese(world, client):
    record = submitted_record(world)
    approve_by(client, record, world.users["truongphong_khtc"])
    mail.outbox.clear()
    approve_by(client, record, world.users["phapche"])
    assert [m.to for m in mail.outbox] == [["lanhdao@example.test"]]
    assert "“Lãnh đạo Sở phê duyệt”" in mail.outbox[0].body
    assert not [w for w in ENGLISH if w in mail.outbox[0].body]


def test_rejection_reaches_the_unit_once_in_vietnamese(
    world, client, django_capture_on_commit_callbacks
):
    record = submitted_record(world)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reject_by(client, record, world.users["truongphong_khtc"], "Thiếu căn cứ")
    to_author = _mails_to("chuyenvien_khtc@example.test")
    assert len(to_author) == 1
    assert "bị trả lại" in to_author[0].body and "Thiếu căn cứ" in to_author[0].body


@pytest.mark.parametrize(
    ("argv", "port", "expected"),
    [
        (["manage.py", "runserver", "127.0.0.1:8010"], None, "http://127.0.0.1:8010"),
        (["manage.py", "runserver", "8020"], None, "http://127.0.0.1:8020"),
        (["manage.py", "runserver", "0.0.0.0:8030", "--noreload"], None, "http://127.0.0.1:8030"),
        (["manage.py", "load_demo"], "8040", "http://127.0.0.1:8040"),
        (["manage.py", "load_demo"], None, "http://127.0.0.1:8000"),
    ],
)
def test_dev_base_url_is_the_port_served(argv, port, expected):
    assert served_base_url(argv, port) == expected
