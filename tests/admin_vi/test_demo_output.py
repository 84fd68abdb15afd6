"""`load_demo` mails nobody and prints no e-mail, even with the console backend of
`make run` (the demo's workflows and task assignments would print 56 of them).

The session's demo load (tests/conftest.py) runs with the console backend and keeps
what it printed, so this reads that load instead of loading the demo again."""


def test_load_demo_prints_no_email(demo_load_output):
    summary, printed = demo_load_output
    assert "Đã nạp dữ liệu mẫu" in summary
    for email_text in ["Subject:", "Content-Type:", "From: ", "Kính gửi", "Hello "]:
        assert email_text not in summary + printed
    assert len((summary + printed).splitlines()) < 40
