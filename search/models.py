"""Tables of the search module.

SearchEntry is the embedded engine's index: one row per SearchItem, with the
folded words in idx_* columns. SQLite keeps an external-content FTS5 table in
step by triggers; PostgreSQL keeps generated tsvector columns with a GIN index
(migration 0002). Either way the index changes in the same transaction as the data.
Facets are the `facets` JSON of each entry, whatever their names (migration 0006).

SearchOutbox holds index changes for Elasticsearch until they are delivered.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """Mục chỉ mục tìm kiếm (embedded engine)."""

    key = models.CharField(_("khóa"), max_length=200, unique=True)
    source = models.CharField(_("đối tượng nguồn"), max_length=200, db_index=True)
    kind = models.CharField(_("loại"), max_length=30, db_index=True)
    title = models.TextField(_("tiêu đề"))
    number = models.CharField(_("số, ký hiệu"), max_length=120, blank=True)
    number_folded = models.CharField(max_length=120, blank=True, db_index=True)
    # The key of the item this one belongs to: results group under it (registry.py).
    parent = models.CharField(_("mục cha"), max_length=200, blank=True, db_index=True)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    body = models.TextField(_("nội dung"), blank=True)
    date = models.DateField(_("ngày"), null=True, blank=True, db_index=True)
    in_force = models.BooleanField(_("còn hiệu lực"), default=True)
    public = models.BooleanField(_("công khai"), default=True)
    # Who may see a staff-only entry (search/scope.py); nullable so that adding it
    # is a plain ALTER TABLE on SQLite (a rebuilt table would lose the FTS5 triggers).
    scope_key = models.CharField(_("phạm vi"), max_length=100, null=True, blank=True)
    # {facet name: value}, every value a string (item_to_doc): counted and filtered on
    # by name (embedded_facets.py), so a new facet needs no column and no migration.
    facets = models.JSONField(default=dict, blank=True)
    data = models.JSONField(default=dict, blank=True)
    # Folded, tokenised text the full-text index is built from.
    idx_number = models.TextField(blank=True)
    idx_title = models.TextField(blank=True)
    idx_body = models.TextField(blank=True)
    idx_exact = models.TextField(blank=True)  # words written with diacritics, as typed
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mục chỉ mục tìm kiếm")
        verbose_name_plural = _("mục chỉ mục tìm kiếm")
        indexes = [
            models.Index(fields=["kind", "public"]),
            models.Index(fields=["kind", "scope_key"], name="search_entry_kind_scope"),
        ]

    def __str__(self):
        return self.key


class OutboxAction(models.TextChoices):
    INDEX = "index", _("Cập nhật")
    DELETE = "delete", _("Xóa")
    PURGE = "purge", _("Xóa mục cũ của đối tượng")
    REFRESH = "refresh", _("Lập lại chỉ mục của đối tượng từ dữ liệu")


class SearchOutbox(models.Model):
    """Thay đổi chỉ mục chờ gửi tới công cụ tìm kiếm (durable, retried with backoff).

    Elasticsearch: every change comes this way. Embedded engine: only what a bulk
    writer queued (`search.indexing.deferred(queue=True)`), as "refresh" rows.
    """

    key = models.CharField(_("khóa"), max_length=200)
    kind = models.CharField(_("loại"), max_length=30, blank=True)
    action = models.CharField(_("thao tác"), max_length=10, choices=OutboxAction.choices)
    payload = models.JSONField(_("nội dung"), default=dict, blank=True)
    attempts = models.PositiveIntegerField(_("số lần thử"), default=0)
    next_attempt_at = models.DateTimeField(_("lần thử tiếp theo"), null=True, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("hàng đợi chỉ mục")
        verbose_name_plural = _("hàng đợi chỉ mục")
        indexes = [models.Index(fields=["next_attempt_at"])]

    def __str__(self):
        return f"{self.action} {self.key}"
