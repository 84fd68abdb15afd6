"""Hồ sơ một cửa: dossiers, their status history, appointment changes and apology letters."""

from .dossier import (
    AppointmentChange,
    Dossier,
    DossierCodeSequence,
    DossierQuerySet,
    DossierStatusChange,
)
from .letter import ApologyLetter, ApologyLetterSequence, LetterState
from .status import DossierStatus, StatusStage

__all__ = [
    "ApologyLetter",
    "ApologyLetterSequence",
    "AppointmentChange",
    "Dossier",
    "DossierCodeSequence",
    "DossierQuerySet",
    "DossierStatus",
    "DossierStatusChange",
    "LetterState",
    "StatusStage",
]
