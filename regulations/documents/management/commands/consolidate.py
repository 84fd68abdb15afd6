"""manage.py consolidate AMENDING_NUMBER [--base BASE_NUMBER] [--dry-run] [--json]

Hợp nhất văn bản: read the amending document's instructions and apply them to the
document it amends; without --dry-run, save a draft legal version (not published).
"""

import json

from django.core.management.base import BaseCommand, CommandError

from regulations.documents.consolidation.apply import APPLIED
from regulations.documents.consolidation.service import ConsolidationError, as_json, run

LABELS = {"applied": "áp dụng", "failed": "lỗi", "ambiguous": "chưa rõ"}


class Command(BaseCommand):
    help = "Hợp nhất văn bản sửa đổi, bổ sung vào văn bản được sửa đổi (tạo bản nháp)."

    def add_arguments(self, parser):
        parser.add_argument("amending", help="số, ký hiệu văn bản sửa đổi, ví dụ 46/2014/QH13")
        parser.add_argument("--base", default="", help="số, ký hiệu văn bản được sửa đổi")
        parser.add_argument("--dry-run", action="store_true", help="chỉ đọc và báo cáo")
        parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")

    def handle(self, *args, **options):
        try:
            result = run(options["amending"], options["base"], dry_run=options["dry_run"])
        except ConsolidationError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(as_json(result), ensure_ascii=False, indent=1))
            return
        outcomes = result.consolidation.outcomes
        self.stdout.write(
            f"Hợp nhất {result.amending.number_symbol} vào {result.base.number_symbol} "
            f"(có hiệu lực từ {result.effective:%d/%m/%Y}): {len(outcomes)} chỉ dẫn"
        )
        for outcome in outcomes:
            head = outcome.instruction.parsed.instruction or outcome.instruction.text
            line = f"  [{LABELS[outcome.status]}] {outcome.instruction.source}: {head[:100]}"
            if outcome.targets:
                line += f" → {', '.join(t or 'toàn văn bản' for t in outcome.targets)}"
            self.stdout.write(line)
            if outcome.reason:
                self.stdout.write(f"      lý do: {outcome.reason}")
        applied = sum(1 for o in outcomes if o.status == APPLIED)
        checks = result.consolidation.checks
        exact = sum(1 for c in checks if c.equal)
        summary = (
            f"{applied}/{len(outcomes)} chỉ dẫn áp dụng, {len(outcomes) - applied} không áp "
            f"dụng được; {exact}/{len(checks)} đơn vị thay thế khớp nguyên văn trích dẫn"
        )
        if result.version is not None:
            summary += (
                f"; đã tạo bản nháp phiên bản #{result.version.pk} có hiệu lực từ "
                f"{result.effective:%d/%m/%Y} (chưa công bố, chờ xác nhận)."
            )
        else:
            summary += " (chạy thử: không lưu gì)."
        self.stdout.write(self.style.SUCCESS(summary))
