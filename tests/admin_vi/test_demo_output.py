"""`load_demo` mails nobody and prints no e-mail, even with the console backend of
`make run` (the demo's workflows and task assignments would print 56 of them)."""

import io

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

CONSOLE = "django.core.mail.backends.console.EmailBackend"


def test_load_demo_prints_no_email(db, capsys):
    out, err = io.StringIO(), io.StringIO()
    mail.outbox = []
    with override_settings(EMAIL_BACKEND=CONSOLE):  # writes to sys.stdout: capsys
        call_command("load_demo", force=True, stdout=out, stderr=err)
    captured = capsys.readouterr()
    printed = out.getvalue() + err.getvalue() + captured.out + captured.err
    assert "Đã nạp dữ liệu mẫu" in out.getvalue()
    for email_text in ["Subject:", "Content-Type:", "From: ", "Kính gửi", "Hello "]:
        assert email_text not in printed
    assert len(printed.splitlines()) < 40
    assert mail.outbox == []
