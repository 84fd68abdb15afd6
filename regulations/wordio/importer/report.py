"""Báo cáo nhập: one ImportReport per file, the same for the command, the admin and tests."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

COUNT_KEYS = ("parts", "chapters", "sections", "articles", "clauses", "points")
COUNT_LABELS = {
    "parts": "phần",
    "chapters": "chương",
    "sections": "mục",
    "articles": "điều",
    "clauses": "khoản",
    "points": "điểm",
}


@dataclass
class ImportReport:
    path: str
    status: str = "ok"  # "ok" | "error"
    id: int | None = None
    number: str = ""
    type: str = ""
    issuer: str = ""
    issued_date: str | None = None  # YYYY-MM-DD
    counts: dict = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))
    warnings: list = field(default_factory=list)
    error: str | None = None
    title: str = ""
    version_id: int | None = None
    dry_run: bool = False
    live: bool | None = None  # stored live (True) or as a draft for review (False)
    effective_from: date | None = None  # the stored version's date
    new_version: bool = False  # a version added to an existing document

    @property
    def issued_date_display(self) -> str:
        """dd/mm/yyyy, as users read dates (issued_date stays ISO for --json)."""
        if not self.issued_date:
            return ""
        return date.fromisoformat(self.issued_date).strftime("%d/%m/%Y")

    @property
    def structure(self) -> str:
        """ "2 chương, 12 điều, 30 khoản": the levels found, none with 0."""
        return ", ".join(
            f"{self.counts[key]} {COUNT_LABELS[key]}" for key in COUNT_KEYS if self.counts.get(key)
        )

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def as_json_dict(self) -> dict:
        """Exactly the keys promised by `import_docx --json`."""
        return {
            "path": self.path,
            "status": self.status,
            "id": self.id,
            "number": self.number,
            "type": self.type,
            "issuer": self.issuer,
            "issued_date": self.issued_date,
            "counts": {key: self.counts.get(key, 0) for key in COUNT_KEYS},
            "warnings": list(self.warnings),
            "error": self.error,
        }

    def to_json(self) -> str:
        return json.dumps(self.as_json_dict(), ensure_ascii=False)
