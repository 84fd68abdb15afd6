"""Nhận phiếu khảo sát: validate a citizen's answers and save them in one transaction."""

import re

from django.apps import apps
from django.core.exceptions import FieldError, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..models import Answer, Criterion, SurveyMethod, SurveyResponse

DOSSIER_CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-/_]{0,49}$")


def normalise_dossier_code(code: str) -> str:
    return (code or "").strip().upper()


def dossier_code_error(code: str) -> str | None:
    if code and not DOSSIER_CODE_RE.match(code):
        return _(
            "Mã hồ sơ chỉ gồm chữ, số và các dấu . - / _ (tối đa 50 ký tự), "
            "ví dụ 000.00.19.H26-170315-0001."
        )
    return None


def dossier_already_rated(code: str) -> bool:
    return bool(code) and SurveyResponse.objects.filter(dossier_code=code).exists()


def dossier_context(code: str):
    """(procedure, unit) of a dossier known to the one-stop register, else (None, None)."""
    if not code:
        return None, None
    try:
        Dossier = apps.get_model("dossiers", "Dossier")
        dossier = Dossier.objects.filter(code__iexact=code).first()
    except (LookupError, FieldError):
        return None, None
    if dossier is None:
        return None, None
    procedure = getattr(dossier, "procedure", None)
    unit = getattr(dossier, "handling_unit", None) or getattr(dossier, "unit", None)
    return procedure, unit


def active_criteria(method: SurveyMethod) -> dict[int, Criterion]:
    return {
        c.pk: c
        for c in Criterion.objects.filter(factor__method=method, active=True).select_related(
            "factor"
        )
    }


def submit_response(
    *,
    answers: dict,
    dossier_code: str = "",
    procedure=None,
    unit=None,
    comments: str = "",
    contact: str = "",
    submitted_at=None,
    method: SurveyMethod | None = None,
) -> SurveyResponse:
    """Save one response and its answers, or raise ValidationError and save nothing.

    `answers` maps criterion ids to values. A value outside the method's scale, a
    criterion that is unknown or no longer asked, or a dossier code already rated
    is refused with a message naming the field.
    """
    method = method or SurveyMethod.objects.current()
    if method is None:
        raise ValidationError(_("Chưa có phương pháp khảo sát nào đang áp dụng."))
    criteria = active_criteria(method)
    scale = method.scale_values()
    errors: dict[str, list[str]] = {}
    clean_answers: dict[int, int] = {}
    for raw_key, raw_value in answers.items():
        try:
            key = int(raw_key)
        except (TypeError, ValueError):
            key = None
        if key not in criteria:
            errors.setdefault("__all__", []).append(
                _("Tiêu chí “%(key)s” không có hoặc không còn được hỏi trong phiếu khảo sát.")
                % {"key": raw_key}
            )
            continue
        try:
            value = int(raw_value)
        except (TypeError, ValueError):
            value = None
        if value not in scale:
            errors.setdefault(f"tieu_chi_{key}", []).append(
                _(
                    "Câu trả lời cho tiêu chí “%(criterion)s” phải là một mức "
                    "từ %(low)s đến %(high)s."
                )
                % {"criterion": criteria[key].text, "low": min(scale), "high": max(scale)}
            )
            continue
        clean_answers[key] = value
    if not answers:
        errors.setdefault("__all__", []).append(
            _("Xin hãy trả lời ít nhất một tiêu chí trước khi gửi phiếu.")
        )
    code = normalise_dossier_code(dossier_code)
    message = dossier_code_error(code)
    if message:
        errors.setdefault("dossier_code", []).append(message)
    elif dossier_already_rated(code):
        errors.setdefault("dossier_code", []).append(
            _("Hồ sơ %(code)s đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần.")
            % {"code": code}
        )
    if errors:
        raise ValidationError(errors)

    known_procedure, known_unit = dossier_context(code)
    procedure = procedure or known_procedure
    if unit is None:
        unit = known_unit or (procedure.handling_unit if procedure is not None else None)
    response = SurveyResponse(
        method=method,
        dossier_code=code,
        procedure=procedure,
        unit=unit,
        comments=(comments or "").strip(),
        contact=(contact or "").strip(),
    )
    if submitted_at is not None:
        response.submitted_at = submitted_at
    try:
        with transaction.atomic():
            response.save()
            # One save per answer (not bulk_create) so the search module's signals
            # index each "survey_answer" item for the Elasticsearch engine.
            for key, value in clean_answers.items():
                Answer.objects.create(response=response, criterion_id=key, value=value)
    except IntegrityError:
        # Two posts for the same dossier code at the same moment: the constraint wins.
        raise ValidationError(
            {
                "dossier_code": [
                    _("Hồ sơ %(code)s đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần.")
                    % {"code": code}
                ]
            }
        ) from None
    return response
