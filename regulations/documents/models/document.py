"""LegalDocument: everything with a number and a text."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from .. import visibility
from ..numbering import parse_number
from .taxonomy import DocumentKind, DocumentType, IssuingBody, LegalField, Sector


class ValidityStatus(models.TextChoices):
    """Tình trạng hiệu lực (as shown by the national legal database)."""

    IN_FORCE = "con_hieu_luc", _("Còn hiệu lực")
    NOT_YET = "chua_co_hieu_luc", _("Chưa có hiệu lực")
    PARTLY_EXPIRED = "het_hieu_luc_mot_phan", _("Hết hiệu lực một phần")
    EXPIRED = "het_hieu_luc_toan_bo", _("Hết hiệu lực toàn bộ")
    SUSPENDED = "ngung_hieu_luc", _("Ngưng hiệu lực")
    PARTLY_SUSPENDED = "ngung_hieu_luc_mot_phan", _("Ngưng hiệu lực một phần")
    UNSUITABLE = "khong_con_phu_hop", _("Không còn phù hợp")
    UNKNOWN = "chua_xac_dinh", _("Chưa xác định")


class DocumentTag(TaggedItemBase):
    # A ParentalKey, so that tags are part of the document's revisions (modelcluster).
    content_object = ParentalKey(
        "documents.LegalDocument", on_delete=models.CASCADE, related_name="tagged_items"
    )


class LegalDocument(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """Văn bản: a normative document, internal rule, plan or administrative document.

    Metadata lives here (with Wagtail revisions, drafts, locking and, when one is
    assigned to the model in Settings → Workflows, a workflow); the text lives in
    LegalVersion rows, one per consolidated version.
    """

    kind = models.CharField(_("nhóm văn bản"), max_length=20, choices=DocumentKind.choices)
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("loại văn bản"), on_delete=models.PROTECT
    )
    number_symbol = models.CharField(
        _("số, ký hiệu"),
        max_length=80,
        blank=True,
        help_text=_("Ví dụ: 572/KH-STTTT, 30/2020/NĐ-CP, 80/2015/QH13."),
    )
    # Parts of the number/symbol, filled from it on clean(); used for uniqueness,
    # filters and facets.
    number = models.CharField(_("số"), max_length=10, blank=True, editable=False)
    year = models.PositiveIntegerField(_("năm"), null=True, blank=True, editable=False)
    type_code = models.CharField(_("ký hiệu loại"), max_length=20, blank=True, editable=False)
    issuer_code = models.CharField(_("ký hiệu cơ quan"), max_length=40, blank=True, editable=False)

    title = models.CharField(_("tên văn bản"), max_length=500)
    summary = models.TextField(_("trích yếu"), blank=True)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True, blank=True)
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("cơ quan ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    issued_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_date = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    expiry_date = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)

    validity_status = models.CharField(
        _("tình trạng hiệu lực"),
        max_length=30,
        choices=ValidityStatus.choices,
        default=ValidityStatus.UNKNOWN,
        editable=False,
        db_index=True,
    )
    status_override = models.CharField(
        _("tình trạng đặt thủ công"),
        max_length=30,
        choices=ValidityStatus.choices,
        blank=True,
        help_text=_("Chỉ dùng khi không suy ra được từ ngày tháng và quan hệ văn bản."),
    )
    status_override_reason = models.TextField(_("lý do đặt thủ công"), blank=True)

    sector = models.ForeignKey(
        Sector, verbose_name=_("ngành"), null=True, blank=True, on_delete=models.SET_NULL
    )
    legal_field = models.ForeignKey(
        LegalField, verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.SET_NULL
    )
    original_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp gốc"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipients = models.TextField(_("nơi nhận"), blank=True)
    tags = ClusterTaggableManager(through=DocumentTag, blank=True, verbose_name=_("thẻ"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("number_symbol", boost=5),
        index.AutocompleteField("number_symbol"),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("signer_name"),
        index.AutocompleteField("signer_name"),
        index.FilterField("kind"),
        index.FilterField("validity_status"),
        index.FilterField("year"),
    ]

    class Meta:
        ordering = ["-issued_date", "number_symbol"]
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["number_symbol", "year"],
                condition=~models.Q(number_symbol=""),
                name="unique_number_symbol_per_year",
                violation_error_message=_("Số, ký hiệu này đã có trong năm."),
            )
        ]
        indexes = [models.Index(fields=["kind", "year"]), models.Index(fields=["issuer_code"])]

    def __str__(self):
        return f"{self.number_symbol} – {self.title}" if self.number_symbol else self.title

    @property
    def is_public(self) -> bool:
        """May the public see this document (and its number and title where it is
        cited by another one)? The rule lives in regulations.documents.visibility."""
        return visibility.is_public(self)

    @property
    def citation_name(self):
        """ "Nghị định số 30/2020/NĐ-CP" as used in citations."""
        name = self.document_type.name if self.document_type_id else ""
        return f"{name} số {self.number_symbol}".strip() if self.number_symbol else self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.number_symbol:
            known = DocumentType.objects.exclude(abbreviation="").values_list(
                "abbreviation", flat=True
            )
            try:
                parsed = parse_number(
                    self.number_symbol,
                    known,
                    default_year=self.issued_date.year if self.issued_date else None,
                )
            except ValidationError as exc:
                errors["number_symbol"] = exc.messages
            else:
                self.number_symbol = parsed.text
                self.number, self.year = parsed.number, parsed.year
                self.type_code, self.issuer_code = parsed.type_code, parsed.issuer_code
                if (
                    self.document_type_id
                    and parsed.type_code
                    and self.document_type.abbreviation
                    and parsed.type_code.upper() != self.document_type.abbreviation.upper()
                    and not self._issued_by_decision(parsed.type_code)
                ):
                    errors["number_symbol"] = _(
                        "Ký hiệu loại “%(code)s” không khớp loại văn bản “%(type)s” (%(abbr)s)."
                    ) % {
                        "code": parsed.type_code,
                        "type": self.document_type.name,
                        "abbr": self.document_type.abbreviation,
                    }
                if parsed.year and self.issued_date and parsed.year != self.issued_date.year:
                    errors["issued_date"] = _(
                        "Năm ban hành %(date_year)s khác năm trong số, ký hiệu (%(year)s)."
                    ) % {"date_year": self.issued_date.year, "year": parsed.year}
                if "number_symbol" not in errors and self._number_taken():
                    errors["number_symbol"] = _(
                        "Số, ký hiệu “%(text)s” đã có trong năm %(year)s: số và ký hiệu là duy "
                        "nhất theo cơ quan ban hành và năm."
                    ) % {"text": self.number_symbol, "year": self.year or "—"}
        elif self.issued_date:
            self.year = self.issued_date.year
        if self.issued_date and self.effective_date and self.effective_date < self.issued_date:
            errors["effective_date"] = _("Ngày có hiệu lực không thể trước ngày ban hành.")
        if self.effective_date and self.expiry_date and self.expiry_date <= self.effective_date:
            errors["expiry_date"] = _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        if self.status_override and not self.status_override_reason.strip():
            errors["status_override_reason"] = _("Cần nêu lý do khi đặt tình trạng thủ công.")
        if errors:
            raise ValidationError(errors)

    def _issued_by_decision(self, type_code: str) -> bool:
        """Internal rules (quy chế, quy định, quy trình) carry the number of the
        decision that issues them: "123/QĐ-STTTT" on a Quy chế is right."""
        return type_code.upper() == "QĐ" and self.document_type.default_kind == (
            DocumentKind.INTERNAL_RULE
        )

    def _number_taken(self) -> bool:
        others = LegalDocument.objects.filter(
            number_symbol__iexact=self.number_symbol, year=self.year
        )
        return others.exclude(pk=self.pk).exists() if self.pk else others.exists()

    def save(self, *args, **kwargs):
        """Fill the slug and year; the validity status is derived on every save by
        regulations.documents.signals (services/validity.py)."""
        if not self.slug:
            self.slug = self._unique_slug()
        if self.issued_date and not self.year and not self.number_symbol:
            self.year = self.issued_date.year
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.number_symbol.replace("/", "-").replace("Đ", "D").replace("đ", "d"))
        base = (base or slugify(self.title.replace("Đ", "D").replace("đ", "d"))[:80]) or "van-ban"
        slug, n = base, 1
        while LegalDocument.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"slug": self.slug})
