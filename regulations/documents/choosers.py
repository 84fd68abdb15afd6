"""Chọn quy định (điều, khoản): Wagtail's chooser for the provisions of a document.

The modal lists the provisions of the text in force of the document chosen in its
filter (services.versions.current_version, the text a procedure's legal basis is
checked against), and searches provisions through the site search (search.service,
kind "provision"), folded: "dieu 5 khoan 2" or "giay phep" finds "khoản 2 Điều 5"
and "giấy phép". Without a chosen document the search covers every public document.

What the modal shows follows the document rule (visibility.py): the provisions of a
document that is not public only to a user who may see it in the admin listing
(documents.view_legaldocument); the index itself holds public documents only.
"""

from django import forms
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from search import service
from search.engines.base import SearchUnavailable
from search.query import QueryError
from vietnamese.folding import fold

from .models import LegalDocument, Provision
from .services.library import public_documents
from .services.versions import current_version
from .visibility import is_public

#: The search hits a modal shows at most (a query narrows further, not paging).
SEARCH_LIMIT = 50
VIEW_UNPUBLISHED = "documents.view_legaldocument"


def visible_documents(user):
    """The documents whose provisions `user` may choose."""
    if user.has_perm(VIEW_UNPUBLISHED):
        return LegalDocument.objects.all()
    return public_documents()


def provision_label(provision) -> str:
    """ "Khoản 2 Điều 5 – 103/2016/QH13": the provision and its document."""
    cite = provision.citation or provision.label
    head = cite[:1].upper() + cite[1:]
    return f"{head} – {provision.version.document.number_symbol}"


def _with_document(provisions):
    return provisions.select_related("version__document")


def text_provisions(document):
    """The provisions of the document's text in force, in reading order."""
    version = current_version(document)
    if version is None:
        return Provision.objects.none()
    return _with_document(version.provisions.exclude(path="").order_by("sort_order"))


def searched_provisions(query, document=None) -> list:
    """The provisions the site search finds for `query`, best first (public documents;
    of one document when given). QueryError for a query the search refuses."""
    filters = {"kind": ["provision"]}
    if document is not None:
        filters["parent"] = [f"document:{document.pk}"]  # search_items.py's group key
    found = service.search(query, per_page=SEARCH_LIMIT, **filters)
    keys = [key for hit in found.hits for key in (hit.key, *(c.key for c in hit.children))]
    ids = [int(key.split(":", 1)[1]) for key in keys if key.startswith("provision:")]
    by_id = _with_document(Provision.objects.filter(pk__in=ids)).in_bulk()
    return [by_id[pk] for pk in ids if pk in by_id]


def matching_provisions(query, document) -> list:
    """A document the index does not hold (not public): its provisions whose citation,
    title or text hold every folded word of the query."""
    words = fold(query).split()
    found = []
    for provision in text_provisions(document):
        text = fold(f"{provision.citation} {provision.title} {provision.text}")
        if all(word in text for word in words):
            found.append(provision)
    return found


class ProvisionFilterForm(BaseFilterForm):
    """The modal's search box and its document filter."""

    q = forms.CharField(
        label=_("Tìm quy định"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Ví dụ: dieu 5 khoan 2, giay phep")}),
    )
    document = forms.ModelChoiceField(
        label=_("Văn bản"),
        queryset=LegalDocument.objects.none(),
        required=False,
        empty_label=_("— Mọi văn bản đã công bố —"),
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = visible_documents(user).order_by(
            "-issued_date", "number_symbol"
        )

    def provisions(self) -> list:
        """What the modal lists for the query and the document chosen."""
        query = (self.cleaned_data.get("q") or "").strip()
        document = self.cleaned_data.get("document")
        if not query:
            return list(text_provisions(document)) if document is not None else []
        self.is_searching, self.search_query = True, query
        if document is not None and not is_public(document):
            return matching_provisions(query, document)
        try:
            return searched_provisions(query, document)
        except (QueryError, SearchUnavailable):
            # Too long or malformed, or the engine is down: the chosen document's text
            # still answers, folded.
            return matching_provisions(query, document) if document is not None else []


class ProvisionListMixin:
    """The listing of the modal: provisions from the filter form, not a queryset."""

    filter_form_class = ProvisionFilterForm
    results_template_name = "documents/choosers/provision_results.html"

    def get_filter_form(self):
        return ProvisionFilterForm(self.request.GET, user=self.request.user)

    def get_object_list(self):
        return Provision.objects.none()  # the filter form chooses them (provisions())

    def filter_object_list(self, objects):
        return self.filter_form.provisions() if self.filter_form.is_valid() else []

    @property
    def title_column(self):
        if self.is_multiple_choice:
            return TitleColumn(
                "title",
                label=_("Quy định"),
                accessor=provision_label,
                label_prefix="chooser-modal-select",
            )
        return TitleColumn(
            "title",
            label=_("Quy định"),
            accessor=provision_label,
            get_url=self._chosen_url,
            link_attrs={"data-chooser-modal-choice": True},
        )

    def _chosen_url(self, provision):
        return self.append_preserved_url_parameters(
            reverse(self.chosen_url_name, args=(provision.pk,))
        )

    @property
    def columns(self):
        return [
            self.title_column,
            Column(
                "text",
                label=_("Nội dung"),
                accessor=lambda p: Truncator(p.title or p.text).chars(160),
            ),
        ]


class ProvisionChooseView(ProvisionListMixin, ChooseView):
    pass


class ProvisionChooseResultsView(ProvisionListMixin, ChooseResultsView):
    pass


class ProvisionChosenView(ChosenView):
    def get_object(self, pk):
        documents = visible_documents(self.request.user)
        return _with_document(Provision.objects.filter(version__document__in=documents)).get(pk=pk)

    def get_display_title(self, instance):
        return provision_label(instance)


class ProvisionChooserWidget(BaseChooser):
    """The chooser widget: the value is a Provision's id, shown as its label."""

    def get_display_title(self, instance):
        return provision_label(instance)

    def get_instance(self, value):
        if value is None or value == "":
            return None
        pk = value.pk if isinstance(value, Provision) else value
        return _with_document(Provision.objects.filter(pk=pk)).first()


class ProvisionChooserViewSet(ChooserViewSet):
    model = Provision
    icon = "list-ul"
    choose_one_text = _("Chọn quy định")
    choose_another_text = _("Chọn quy định khác")
    edit_item_text = _("Sửa")
    page_title = _("Chọn quy định (điều, khoản)")
    per_page = 20
    # A widget may pass ?document= (linked_fields): the modal opens filtered by it.
    base_widget_class = ProvisionChooserWidget
    choose_view_class = ProvisionChooseView
    choose_results_view_class = ProvisionChooseResultsView
    chosen_view_class = ProvisionChosenView
    # Nothing else points at a Provision: no ForeignKey should get this widget.
    register_widget = False


provision_chooser_viewset = ProvisionChooserViewSet("provision_chooser", url_prefix="quy-dinh/chon")
