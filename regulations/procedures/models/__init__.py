"""Thủ tục hành chính: procedure sets, procedures and their versions."""

from .basis_change import BasisChangeStatus, ProcedureBasisChange
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
    "BasisChangeStatus",
    "DossierComponent",
    "MethodKind",
    "Procedure",
    "ProcedureBasisChange",
    "ProcedureLegalBasis",
    "ProcedureLevel",
    "ProcedureMethod",
    "ProcedureSet",
    "ProcedureStep",
    "ProcedureVersion",
]
