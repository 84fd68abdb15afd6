"""The embedded engine stores entries many rows per INSERT statement on SQLite
(search.engines.embedded.insert_entries): every row of every statement is stored and
indexed, the last statement's partial batch included."""

from django.db import connection

from search.engines import embedded
from search.engines.base import item_to_doc
from search.models import SearchEntry
from search.registry import SearchItem


def _provision_doc(n: int) -> dict:
    item = SearchItem(
        kind="provision",
        key=f"provision:{n}",
        title=f"Điều {n} – Quy chế thử",
        body=f"Khoản mục số {n} về lưu trữ hồ sơ điện tử.",
        number="90/QĐ-STTTT",
        parent="document:1",
        url=f"/van-ban/thu/#dieu-{n}",
    )
    return item_to_doc(item, "documents.legaldocument:1")


def test_entries_beyond_one_statement_are_all_stored_and_found(embedded_engine):
    total = embedded.ROWS_PER_STATEMENT * 2 + 7
    embedded_engine.index([_provision_doc(n) for n in range(1, total + 1)])
    assert SearchEntry.objects.count() == total
    last = SearchEntry.objects.get(key=f"provision:{total}")
    assert last.body == f"Khoản mục số {total} về lưu trữ hồ sơ điện tử."
    assert last.idx_body.startswith("khoan muc so")
    if connection.vendor == "sqlite":  # the FTS5 trigger indexed every row
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'luu'")
            assert cursor.fetchone()[0] == total
