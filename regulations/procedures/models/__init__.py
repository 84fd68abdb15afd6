"""Thủ tục hành chính: procedure sets, procedures and their versions."""

from .procedure import Procedure, ProcedureLevel, ProcedureSet
from .version import (
    DossierComponent,
    MethodKind,
    ProcedureLegalBasis,
    ProcedureMethod,
    ProcedureStep,
    ProcedureVersion,
)

__all__ = [
    "DossierComponent",
    "MethodKind",
    "Procedure",
    "ProcedureLegalBasis",
    "ProcedureLevel",
    "ProcedureMethod",
    "ProcedureSet",
    "ProcedureStep",
    "ProcedureVersion",
]
