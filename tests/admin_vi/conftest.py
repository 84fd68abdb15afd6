"""The demo, loaded once for the module (it is slow), rolled back afterwards.

The load runs with the console e-mail backend, as `make run` does, and its output
(the command's streams and the process's stdout) is kept for the tests to read.
"""

import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


@dataclass
class DemoLoad:
    command_out: str
    command_err: str
    process_out: str


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    out, err, process = io.StringIO(), io.StringIO(), io.StringIO()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            console = "django.core.mail.backends.console.EmailBackend"
            with (
                override_settings(EMAIL_BACKEND=console),
                redirect_stdout(process),
                redirect_stderr(process),
            ):
                call_command("load_demo", stdout=out, stderr=err)
            yield DemoLoad(out.getvalue(), err.getvalue(), process.getvalue())
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
