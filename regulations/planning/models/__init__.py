"""Kế hoạch và rà soát: plans, tasks, progress, review records, notifications."""

from .notification import Notification
from .plan import Plan, PlanVersion
from .proposal import ProposalStatus, ReviewProposal
from .review import ReviewFinding, ReviewPrinciple, ReviewRecord, SimplificationProposal
from .task import EvidenceFile, PlanTask, PlanTaskTarget, ProgressReport, TaskComment
from .workflow import UnitHeadApprovalTask

__all__ = [
    "EvidenceFile",
    "Notification",
    "Plan",
    "PlanTask",
    "PlanTaskTarget",
    "PlanVersion",
    "ProgressReport",
    "ProposalStatus",
    "ReviewFinding",
    "ReviewPrinciple",
    "ReviewProposal",
    "ReviewRecord",
    "SimplificationProposal",
    "TaskComment",
    "UnitHeadApprovalTask",
]
