import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search import service
from search.engines.base import SearchUnavailable


class Command(BaseCommand):
    help = (
        "Dựng lại chỉ mục tìm kiếm từ dữ liệu. Elasticsearch: vào một chỉ mục mới rồi chuyển "
        "alias một lần (không bao giờ thấy chỉ mục rỗng); embedded: trong một giao dịch."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Không vẽ thanh tiến độ.")

    def handle(self, *args, **options):
        started = time.monotonic()
        show = not options["no_progress"] and options.get("verbosity", 1) > 0
        stream = self.stdout

        def progress(done, total):
            if not show:
                return
            if total:
                width = 30
                filled = int(width * min(done, total) / total)
                bar = "#" * filled + "-" * (width - filled)
                # total counts objects; one object may give several items
                stream.write(f"\r[{bar}] {done} mục / {total} đối tượng", ending="")
            else:
                stream.write(f"\r{done} mục", ending="")
            stream.flush()

        try:
            summary = service.rebuild(progress=progress)
        except (SearchUnavailable, RuntimeError) as exc:
            # One line, no traceback: the message says why and what still serves.
            if show:
                stream.write("")
            raise CommandError(str(exc)) from exc
        if show:
            stream.write("")
        elapsed = time.monotonic() - started
        rate = summary["indexed"] / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary['engine']}: {summary['indexed']} mục trong {elapsed:.1f} s "
                f"({rate:.0f} mục/s)"
                + (f", chỉ mục {summary['index']}" if summary.get("index") else "")
                + (f", đã thay {', '.join(summary['replaced'])}" if summary.get("replaced") else "")
            )
        )
        sys.stdout.flush()
