"""Khảo sát sự hài lòng (SIPAS): methods, factors, criteria, scale, responses, answers.

The method (phương pháp đo lường, e.g. Quyết định 2640/QĐ-BNV 2017) is data: its five
factors (yếu tố), their criteria (tiêu chí) and the answer scale (thang đo) are rows
editable in the admin, so a new rule set is an edit, not a release.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

SATISFIED_MIN = 4  # Hài lòng (4) or Rất hài lòng (5) count as satisfied


def quarter_of(moment) -> str:
    """ "2017-Q1" for a date or (local) datetime."""
    if hasattr(moment, "hour"):
        moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


class SurveyMethodQuerySet(models.QuerySet):
    def current(self):
        """The active method most recently in force (the one the public form uses)."""
        return self.filter(active=True).order_by("-valid_from", "-pk").first()


class SurveyMethod(ClusterableModel):
    """Phương pháp đo lường sự hài lòng: a versioned rule set."""

    name = models.CharField(_("tên phương pháp"), max_length=255)
    decision = models.CharField(
        _("văn bản quy định"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Quyết định 2640/QĐ-BNV ngày 10/10/2017 của Bộ Nội vụ"),
    )
    valid_from = models.DateField(_("áp dụng từ ngày"))
    active = models.BooleanField(_("đang áp dụng"), default=True)

    objects = SurveyMethodQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("decision"),
        FieldPanel("valid_from"),
        FieldPanel("active"),
        InlinePanel("scale", label=_("thang đo"), min_num=2),
    ]

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("phương pháp khảo sát")
        verbose_name_plural = _("phương pháp khảo sát")

    def __str__(self):
        return self.name

    def scale_values(self) -> dict[int, str]:
        return {option.value: option.label for option in self.scale.all()}


class ScaleOption(Orderable):
    """Mức trả lời: Rất hài lòng (5) … Rất không hài lòng (1)."""

    method = ParentalKey(SurveyMethod, on_delete=models.CASCADE, related_name="scale")
    value = models.PositiveSmallIntegerField(
        _("giá trị"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    label = models.CharField(_("nhãn"), max_length=100)

    panels = [FieldPanel("value"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("mức trả lời")
        verbose_name_plural = _("thang đo")
        constraints = [
            models.UniqueConstraint(fields=["method", "value"], name="one_scale_label_per_value")
        ]

    def __str__(self):
        return f"{self.value} – {self.label}"


class Factor(ClusterableModel):
    """Yếu tố: one of the five SIPAS factors of a method, with its criteria."""

    method = models.ForeignKey(
        SurveyMethod,
        verbose_name=_("phương pháp"),
        on_delete=models.CASCADE,
        related_name="factors",
    )
    code = models.SlugField(_("mã yếu tố"), max_length=50)
    name = models.CharField(_("tên yếu tố"), max_length=255)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("method"),
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("sort_order"),
        InlinePanel("criteria", label=_("tiêu chí")),
    ]

    class Meta:
        ordering = ["method", "sort_order", "pk"]
        verbose_name = _("yếu tố")
        verbose_name_plural = _("yếu tố")
        constraints = [
            models.UniqueConstraint(fields=["method", "code"], name="unique_factor_code_per_method")
        ]

    def __str__(self):
        return self.name


class Criterion(Orderable):
    """Tiêu chí: one question of a factor, answered on the method's scale."""

    factor = ParentalKey(Factor, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(_("mã tiêu chí"), max_length=50)
    text = models.CharField(_("nội dung tiêu chí"), max_length=500)
    active = models.BooleanField(
        _("đang sử dụng"),
        default=True,
        help_text=_("Bỏ chọn để ngừng hỏi tiêu chí này mà vẫn giữ kết quả cũ."),
    )

    panels = [FieldPanel("code"), FieldPanel("text"), FieldPanel("active")]

    class Meta(Orderable.Meta):
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        constraints = [
            models.UniqueConstraint(
                fields=["factor", "code"], name="unique_criterion_code_per_factor"
            )
        ]

    def __str__(self):
        return self.text


class SurveyResponse(models.Model):
    """Phiếu khảo sát: one citizen's answers; anonymous unless they leave a contact."""

    method = models.ForeignKey(
        SurveyMethod, verbose_name=_("phương pháp"), on_delete=models.PROTECT
    )
    submitted_at = models.DateTimeField(_("thời điểm gửi"), default=timezone.now, db_index=True)
    quarter = models.CharField(_("quý"), max_length=7, db_index=True, editable=False)
    dossier_code = models.CharField(_("mã hồ sơ"), max_length=50, blank=True)
    procedure = models.ForeignKey(
        "procedures.Procedure",
        verbose_name=_("thủ tục"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    comments = models.TextField(_("góp ý"), blank=True)
    contact = models.CharField(
        _("liên hệ (chỉ cán bộ xem)"), max_length=255, blank=True, help_text=_("Không bắt buộc.")
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("phiếu khảo sát")
        verbose_name_plural = _("phiếu khảo sát")
        permissions = [
            ("view_satisfaction_report", _("Xem kết quả khảo sát của đơn vị mình")),
            ("view_all_satisfaction_report", _("Xem kết quả khảo sát của mọi đơn vị")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier_code"],
                condition=~Q(dossier_code=""),
                name="one_survey_per_dossier_code",
                violation_error_message=_("Hồ sơ này đã được đánh giá."),
            )
        ]

    def __str__(self):
        return f"{_('Phiếu')} {self.pk} ({self.quarter})"

    def save(self, *args, **kwargs):
        self.dossier_code = (self.dossier_code or "").strip().upper()
        self.quarter = quarter_of(self.submitted_at)
        super().save(*args, **kwargs)


class Answer(models.Model):
    """Câu trả lời: one criterion of a response, 1 (rất không hài lòng) … 5 (rất hài lòng)."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="answers"
    )
    value = models.PositiveSmallIntegerField(
        _("mức độ hài lòng"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "criterion"], name="one_answer_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=1) & Q(value__lte=5), name="answer_value_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.criterion_id}: {self.value}"

    @property
    def satisfied(self) -> bool:
        return self.value >= SATISFIED_MIN

    def clean(self):
        if self.value is not None and not 1 <= self.value <= 5:
            raise ValidationError({"value": _("Mức độ hài lòng phải từ 1 đến 5.")})
