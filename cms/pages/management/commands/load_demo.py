import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from cms.demo import demo_loaders
from search.indexing import deferred

QUIET_EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (Sở Thông tin và Truyền thông Hà Nội). Chạy lại không tạo bản trùng."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Cho phép chạy khi DEBUG=False (không khuyến nghị).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo tạo tài khoản mẫu với mật khẩu công khai; chỉ chạy khi DEBUG=True "
                "(hoặc thêm --force nếu thật sự muốn)."
            )
        started = time.monotonic()
        loaders = list(demo_loaders())
        # The demo's workflows and task assignments send notices: none leaves the
        # machine or floods the console (the notices stay listed in the admin).
        with (
            override_settings(EMAIL_BACKEND=QUIET_EMAIL_BACKEND),
            transaction.atomic(),
            deferred(),
        ):
            for i, (name, load) in enumerate(loaders, 1):
                self.stderr.write(f"[{i}/{len(loaders)}] {name}…")
                summary = load(self.stderr)
                if summary:
                    self.stderr.write(f"        {summary}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp dữ liệu mẫu: {len(loaders)} phần trong {time.monotonic() - started:.1f} s."
            )
        )
