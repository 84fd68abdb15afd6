import time

from django.core.management.base import BaseCommand

from search.jobs import deliver_outbox


class Command(BaseCommand):
    help = "Gửi các thay đổi chỉ mục đang chờ (outbox) tới công cụ tìm kiếm."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Bỏ qua thời gian chờ thử lại.")
        parser.add_argument(
            "--loop", type=float, default=0, help="Lặp lại sau mỗi N giây (0: chạy một lần)."
        )

    def handle(self, *args, **options):
        while True:
            summary = deliver_outbox(force=options["force"])
            self.stdout.write(
                f"delivered={summary['delivered']} failed={summary['failed']}"
                + (f" error={summary['error']}" if summary["error"] else "")
            )
            if not options["loop"]:
                break
            time.sleep(options["loop"])
