"""One search stack: every search box finds diacritic-free text as /tim-kiem/ does.

The admin listings and choosers run Wagtail's search backend, which is ours folded
(search.wagtail_backend); the library box uses it too, the procedures catalogue box
asks the site search. Each box: a query without marks finds the item written with
marks, and the query with marks still finds it.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from regulations.documents.models import LegalDocument
from regulations.dossiers.models import Dossier
from regulations.feedback.models import Feedback
from regulations.planning.models import PlanTask, ReviewRecord
from regulations.procedures.models import Procedure
from search import service as search_service
from vietnamese.folding import fold


class _Null:
    def write(self, *_a, **_k):
        pass

    def flush(self):
        pass


@pytest.fixture
def demo(demo_site):
    """The demo data (tests/conftest.py: one load for the session); its saves filled
    Wagtail's index through Wagtail's signals, as on a site."""


@pytest.fixture
def admin(client, demo):
    user = get_user_model().objects.create_superuser("stack", "stack@example.vn", "x")
    client.force_login(user)
    return client


def _listing(model):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list")


def _chooser(model):
    return reverse(
        f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}:choose"
    )


def _found(client, url, query, obj):
    """Whether the screen at `url`, searched for `query`, lists `obj`."""
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    items = response.context.get("object_list")
    if items is None:
        items = response.context["results"]
    return obj.pk in {item.pk for item in items}


QUY_CHE = "Quy chế làm việc"


def _working_rules():
    return LegalDocument.objects.filter(title__icontains=QUY_CHE).first()


def test_the_backend_folds_index_and_query(demo):
    from modelsearch.query import Phrase, PlainText

    backend = get_search_backend()
    doc = _working_rules()
    assert doc is not None
    for query in ("quy che lam viec", "QUY CHẾ làm việc", "quy chế"):
        assert doc in list(backend.search(query, LegalDocument)), query
    assert doc in list(backend.autocomplete("quy che lam vi", LegalDocument))
    # Query objects (Wagtail's parse_query_string gives these) are folded too.
    assert doc in list(backend.search(Phrase("quy che lam viec"), LegalDocument))
    assert doc in list(backend.search(PlainText("lam viec") & PlainText("quy"), LegalDocument))


def _task():
    return PlanTask.objects.exclude(title=fold(PlanTask.objects.first().title)).first()


def _procedure():
    return Procedure.objects.filter(name__icontains="cấp giấy phép").first()


# Each screen's model: (an object written with marks, the text with marks to look for).
SCREENS = {
    "documents": (LegalDocument, lambda: (_working_rules(), QUY_CHE)),
    "procedures": (Procedure, lambda: (p := _procedure(), p.name)),
    "plan tasks": (PlanTask, lambda: (t := _task(), t.title)),
    "review records": (ReviewRecord, lambda: (r := ReviewRecord.objects.first(), r.title)),
    "feedback": (Feedback, lambda: (f := Feedback.objects.first(), f.subject)),
    "dossiers": (
        Dossier,
        lambda: (d := Dossier.objects.first(), f"{d.code} {d.applicant_name}"),
    ),
}


def _search_both_ways(client, url, obj, text):
    assert text != fold(text), text  # the item is written with marks
    assert _found(client, url, fold(text), obj), (url, fold(text))
    assert _found(client, url, text, obj), (url, text)


@pytest.mark.parametrize("screen", SCREENS)
def test_admin_listing_finds_text_without_marks(admin, screen):
    model, pick = SCREENS[screen]
    obj, text = pick()
    _search_both_ways(admin, _listing(model), obj, text)


@pytest.mark.parametrize("screen", SCREENS)
def test_chooser_finds_text_without_marks(admin, screen):
    model, pick = SCREENS[screen]
    obj, text = pick()
    _search_both_ways(admin, _chooser(model), obj, text)


def test_a_dossier_code_alone_is_found_in_any_case(admin):
    dossier = Dossier.objects.first()
    assert _found(admin, _listing(Dossier), dossier.code.lower(), dossier)
    assert _found(admin, _chooser(Dossier), dossier.code, dossier)


def test_library_box_finds_quy_che(client, demo):
    doc = _working_rules()
    for query in ("quy che lam viec", QUY_CHE):
        response = client.get(reverse("documents:library"), {"q": query})
        assert response.status_code == 200
        assert doc.title in response.content.decode(), query


def test_catalogue_box_finds_thu_tuc_cap_phep_as_the_site_search_does(client, demo):
    site = {h.key for h in search_service.search("thu tuc cap phep", kind=["procedure"]).hits}
    assert site
    for query in ("thu tuc cap phep", "thủ tục cấp phép"):
        response = client.get(reverse("procedures:catalogue"), {"q": query})
        assert response.status_code == 200
        found = {f"procedure:{p.pk}" for p in response.context["catalogue"].procedures}
        assert found == site, query


def test_a_backend_that_does_not_fold_is_a_configuration_error(settings):
    from search.checks import wagtail_search_folds

    assert wagtail_search_folds() == []
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    assert [error.id for error in wagtail_search_folds()] == ["search.E001"]


def test_update_index_rebuilds_wagtails_index_folded(db):
    from tests.documents.factories import make_document

    doc = make_document("125/QĐ-STTTT", type_name="Quyết định", title="Ban hành Quy chế làm việc")
    backend = get_search_backend()
    backend.reset_indexes()
    assert doc not in list(backend.search("quy che", LegalDocument))
    call_command("update_index", verbosity=0, stdout=_Null(), stderr=_Null())
    assert doc in list(backend.search("quy che", LegalDocument))
    assert doc in list(backend.search("125/qd-stttt", LegalDocument))
    assert doc in list(backend.search("125/QĐ-STTTT", LegalDocument))
