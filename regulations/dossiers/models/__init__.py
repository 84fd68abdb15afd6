"""Hồ sơ một cửa: dossiers, their status history, appointment changes and apology letters."""

from .dossier import AppointmentChange, Dossier, DossierQuerySet, DossierStatusChange
from .letter import ApologyLetter, ApologyLetterSequence
from .status import DossierStatus, StatusStage

__all__ = [
    "ApologyLetter",
    "ApologyLetterSequence",
    "AppointmentChange",
    "Dossier",
    "DossierQuerySet",
    "DossierStatus",
    "DossierStatusChange",
    "StatusStage",
]
