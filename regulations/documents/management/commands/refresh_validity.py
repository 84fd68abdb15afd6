"""`manage.py refresh_validity`: recompute every document's validity status.

Statuses follow dates (a document comes into force, expires, or the document that
repeals it takes effect), so run this daily from cron. Prints progress and a
summary; --date computes the statuses as of another day (for checking).
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from regulations.documents.models import LegalDocument, ValidityStatus
from regulations.documents.services.validity import derive, store, today


class Command(BaseCommand):
    help = "Tính lại tình trạng hiệu lực của mọi văn bản theo ngày tháng và quan hệ."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Tính theo ngày YYYY-MM-DD (mặc định: hôm nay).")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ báo, không ghi.")

    def handle(self, *args, **options):
        on = today()
        if options["date"]:
            try:
                on = date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(
                    f"--date: “{options['date']}” không phải ngày dạng YYYY-MM-DD."
                ) from None
        documents = LegalDocument.objects.order_by("pk")
        total = documents.count()
        changed: dict[tuple[str, str], int] = {}
        step = max(1, total // 10)
        for i, document in enumerate(documents.iterator(chunk_size=500), 1):
            status = derive(document, on)
            if status != document.validity_status:
                key = (document.get_validity_status_display(), status)
                changed[key] = changed.get(key, 0) + 1
                if not options["dry_run"]:
                    store(document, status)
            if options["verbosity"] >= 1 and (i % step == 0 or i == total):
                self.stdout.write(f"  {i}/{total} văn bản")
        for (old, new), count in sorted(changed.items()):
            self.stdout.write(f"  {old} → {ValidityStatus(new).label}: {count}")
        verb = "sẽ đổi" if options["dry_run"] else "đã đổi"
        self.stdout.write(
            self.style.SUCCESS(
                f"Ngày {on:%d/%m/%Y}: {total} văn bản, {sum(changed.values())} {verb} tình trạng."
            )
        )
