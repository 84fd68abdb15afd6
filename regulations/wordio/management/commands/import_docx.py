"""python manage.py import_docx PATH... [--kind K] [--as-version-of NUMBER] [--dry-run] [--json]

Nhập văn bản Word: each file in its own transaction; a bad file is reported and skipped.
Progress bar and summary go to standard error; with --json standard output holds exactly
one JSON object per file and nothing else. Exit status 1 when any file failed.
"""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from regulations.documents.models import DocumentKind
from regulations.wordio.importer import ImportReport, document_type_lists, import_file
from search.models import SearchOutbox


def collect(paths) -> list[Path]:
    """Files in the given order; directories recurse to *.docx (sorted)."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() == ".docx"))
        else:
            files.append(path)
    return files


class Command(BaseCommand):
    help = "Nhập văn bản Word (.docx) theo thể thức Nghị định 30/2020/NĐ-CP."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Tệp .docx hoặc thư mục.")
        parser.add_argument("--kind", choices=DocumentKind.values, help="Nhóm văn bản.")
        parser.add_argument(
            "--as-version-of", dest="as_version_of", help="Số, ký hiệu văn bản đã có."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đọc, không lưu.")
        parser.add_argument("--json", action="store_true", help="Một dòng JSON mỗi tệp.")

    def handle(self, *args, **options):
        files = collect(options["paths"])
        if not files:
            raise CommandError("Không có tệp .docx nào.")
        err = sys.stderr
        as_json = options["json"]
        lists = document_type_lists()
        reports: list[ImportReport] = []
        started = time.perf_counter()
        for index, path in enumerate(files, 1):
            self._progress(err, index - 1, len(files), path.name)
            try:
                data = path.read_bytes()
            except OSError as exc:
                report = ImportReport(
                    path=str(path), status="error", error=f"Không đọc được: {exc}"
                )
            else:
                report = import_file(
                    data,
                    str(path),
                    kind=options["kind"],
                    as_version_of=options["as_version_of"],
                    dry_run=options["dry_run"],
                    type_lists=lists,
                )
            reports.append(report)
            if as_json:
                self.stdout.write(report.to_json())
                self.stdout.flush()
            elif report.status == "error":
                err.write(f"\nLỗi {path}: {report.error}\n")
        self._progress(err, len(files), len(files), "")
        err.write("\n")
        elapsed = time.perf_counter() - started
        failed = [r for r in reports if r.status == "error"]
        ok = len(reports) - len(failed)
        warned = sum(1 for r in reports if r.status == "ok" and r.warnings)
        articles = sum(r.counts.get("articles", 0) for r in reports if r.status == "ok")
        mode = " (chạy thử, không lưu)" if options["dry_run"] else ""
        err.write(
            f"Tổng kết{mode}: {len(reports)} tệp, {ok} thành công ({warned} có cảnh báo), "
            f"{len(failed)} lỗi, {articles} điều; {elapsed:.1f} giây.\n"
        )
        if not options["dry_run"] and ok:
            self._index_backlog(err)
        if not as_json:
            for report in reports:
                if report.status == "ok":
                    self.stdout.write(
                        f"OK  {report.path}: {report.type} {report.number or '(không số)'} "
                        f"– {report.counts.get('articles', 0)} điều"
                        + (f", {len(report.warnings)} cảnh báo" if report.warnings else "")
                    )
        if failed:
            sys.exit(1)

    @staticmethod
    def _index_backlog(stream):
        """The search index is updated after each file's commit, by the search task: at
        once with the immediate task backend, by `manage.py db_worker` otherwise."""
        waiting = SearchOutbox.objects.count()
        if waiting:
            stream.write(
                f"Chỉ mục tìm kiếm: {waiting} thay đổi đang chờ; tiến trình nền "
                "(manage.py db_worker) sẽ cập nhật, xem manage.py search_status.\n"
            )
        else:
            stream.write("Chỉ mục tìm kiếm: đã cập nhật.\n")

    @staticmethod
    def _progress(stream, done, total, name):
        width = 30
        filled = int(width * done / total) if total else width
        bar = "█" * filled + "·" * (width - filled)
        stream.write(f"\r[{bar}] {done}/{total} {name[:40]:<40}")
        stream.flush()
