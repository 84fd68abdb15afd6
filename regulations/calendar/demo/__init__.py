"""Demo calendar: the Vietnamese public holidays of 2017-2018 (idempotent)."""

from ..models import Holiday
from ..seed import seed_holidays


def load(out):
    created = seed_holidays(Holiday)
    return f"{Holiday.objects.count()} ngày nghỉ lễ/làm bù ({created} mới)"
