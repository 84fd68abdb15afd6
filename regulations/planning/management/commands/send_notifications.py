"""Daily cron: deadline reminders (7 days, 1 day, overdue), each notice once."""

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_date

from regulations.planning.services.notifications import deadline_notices


class Command(BaseCommand):
    help = "Gửi thư nhắc hạn nhiệm vụ (trước 7 ngày, 1 ngày, quá hạn); mỗi thông báo gửi một lần."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày tính hạn (YYYY-MM-DD), mặc định hôm nay.")

    def handle(self, *args, date=None, **options):
        today = parse_date(date) if date else None
        if date and today is None:
            self.stderr.write(self.style.ERROR(f"Ngày không hợp lệ: {date}"))
            return
        sent = deadline_notices(today)
        by_kind = {}
        for notice in sent:
            by_kind[notice.get_kind_display()] = by_kind.get(notice.get_kind_display(), 0) + 1
        for label, count in sorted(by_kind.items()):
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Đã gửi {len(sent)} thông báo mới."))
