from django.core.management.base import BaseCommand

from search import service


class Command(BaseCommand):
    help = "Tình trạng chỉ mục tìm kiếm: engine, hàng đợi (outbox), lỗi gần nhất, số mục."

    def handle(self, *args, **options):
        info = service.status()
        w = self.stdout.write
        w(f"Engine: {info['engine']}")
        w(f"Backlog (outbox): {info['backlog']}")
        if info["backlog"]:
            w(f"Oldest: {info['oldest']:%Y-%m-%d %H:%M:%S} ({info['oldest_age_seconds']} s ago)")
            w(f"Attempts: {info['attempts']}  next attempt: {info['next_attempt_at'] or 'now'}")
        w(f"Last error: {info['last_error'] or '-'}")
        failures = info["owner_failures"]
        line = f"Owner lookup failures (see the WARNING log): {failures}"
        w(self.style.WARNING(line) if failures else line)
        index = info.get("index") or {}
        if "error" in index:
            w(self.style.ERROR(f"Index: unreachable ({index['error']})"))
        else:
            w(f"Index documents: {index.get('documents', 0)}")
            for kind, n in sorted((index.get("by_kind") or {}).items()):
                w(f"  {kind}: {n}")
            if index.get("indexes"):
                w(f"Alias {index['alias']} → {', '.join(index['indexes'])}")
