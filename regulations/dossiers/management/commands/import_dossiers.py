"""manage.py import_dossiers FILE: import a one-stop CSV export (see services/importer.py)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from regulations.dossiers.services.importer import import_dossiers


class Command(BaseCommand):
    help = "Nhập hồ sơ một cửa từ tệp CSV (UTF-8, “;” hoặc “,”); nhập lại không tạo trùng."

    def add_arguments(self, parser):
        parser.add_argument("file", help="đường dẫn tệp CSV, hoặc - để đọc từ stdin")

    def handle(self, *args, **options):
        name = options["file"]
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"Không tìm thấy tệp {name}")
            data = path.read_bytes()

        def progress(done, total):
            self.stdout.write(f"  {done}/{total} dòng", ending="\r")
            self.stdout.flush()

        result = import_dossiers(data, progress=progress)
        self.stdout.write("")
        for line, reason in result.errors:
            self.stderr.write(f"Dòng {line}: {reason}")
        style = self.style.SUCCESS if not result.errors else self.style.WARNING
        self.stdout.write(style(result.summary()))
