"""Mã hồ sơ: codes given at the counter, in the receiving agency's format.

The format follows the national public-service portal as the demo dossiers use it:
`<agency code>-<yy><number:04d>`, e.g. `000.00.26.H29-170042` (agency code of the
department in the national catalogue, two-digit year, a number restarting every year).
The agency code is the `DOSSIER_CODE_PREFIX` setting.

Numbers come from DossierCodeSequence, incremented by one UPDATE inside the caller's
transaction (the row is locked until commit on PostgreSQL, the database is on SQLite),
so two officers registering at the same moment never get the same code; the unique
constraint on Dossier.code is the last guard.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import Dossier, DossierCodeSequence

DEFAULT_PREFIX = "000.00.26.H29"
WIDTH = 4


def code_prefix() -> str:
    return getattr(settings, "DOSSIER_CODE_PREFIX", DEFAULT_PREFIX)


def _key(received_at) -> str:
    year = timezone.localtime(received_at).year if received_at else timezone.localdate().year
    return f"{code_prefix()}-{year % 100:02d}"


def _highest_existing(key: str) -> int:
    """The highest number already used with this prefix and year (imported or demo codes)."""
    pattern = re.compile(rf"^{re.escape(key)}(\d{{{WIDTH},}})$")
    numbers = [
        int(m.group(1))
        for code in Dossier.objects.filter(code__startswith=key).values_list("code", flat=True)
        if (m := pattern.match(code))
    ]
    return max(numbers, default=0)


@transaction.atomic
def next_dossier_code(received_at=None) -> str:
    key = _key(received_at)
    if not DossierCodeSequence.objects.filter(key=key).exists():
        DossierCodeSequence.objects.get_or_create(
            key=key, defaults={"last_number": _highest_existing(key)}
        )
    code = _take(key)
    while Dossier.objects.filter(code=code).exists():  # a code typed by hand or imported
        code = _take(key)
    return code


def _take(key: str) -> str:
    # The UPDATE takes the row (or database) write lock first, then we read our number.
    DossierCodeSequence.objects.filter(key=key).update(last_number=F("last_number") + 1)
    number = DossierCodeSequence.objects.select_for_update().get(key=key).last_number
    return f"{key}{number:0{WIDTH}d}"
