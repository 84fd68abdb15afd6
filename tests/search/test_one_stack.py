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
from search.text import fold


class _Null:
    def write(self, *_a, **_k):
        pass

    def flush(self):
        pass


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0, stdout=_Null(), stderr=_Null())


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


def _objects():
    """(model, an object written with marks, the text with marks to look for)."""
    task = PlanTask.objects.exclude(title=fold(PlanTask.objects.first().title)).first()
    record = ReviewRecord.objects.first()
    feedback = Feedback.objects.first()
    dossier = Dossier.objects.first()
    procedure = Procedure.objects.filter(name__icontains="cấp giấy phép").first()
    return [
        (LegalDocument, _working_rules(), QUY_CHE),
        (Procedure, procedure, procedure.name),
        (PlanTask, task, task.title),
        (ReviewRecord, record, record.title),
        (Feedback, feedback, feedback.subject),
        (Dossier, dossier, f"{dossier.code} {dossier.applicant_name}"),
    ]


def test_admin_listings_and_choosers_find_text_without_marks(admin):
    """(One demo load for every screen: loading it is the slow part.)"""
    for model, obj, text in _objects():
        assert obj is not None, model
        assert text != fold(text), (model, text)  # the item is written with marks
        for url in (_listing(model), _chooser(model)):
            assert _found(admin, url, fold(text), obj), (url, fold(text))
            assert _found(admin, url, text, obj), (url, text)
    dossier = Dossier.objects.first()  # a dossier code, in any case, alone
    assert _found(admin, _listing(Dossier), dossier.code.lower(), dossier)
    assert _found(admin, _chooser(Dossier), dossier.code, dossier)


def test_public_library_and_catalogue_boxes_fold(client, demo):
    doc = _working_rules()
    for query in ("quy che lam viec", QUY_CHE):
        response = client.get(reverse("documents:library"), {"q": query})
        assert response.status_code == 200
        assert doc.title in response.content.decode(), query
    for query in ("thu tuc cap phep", "thủ tục cấp phép"):
        response = client.get(reverse("procedures:catalogue"), {"q": query})
        assert response.status_code == 200
        found = response.context["catalogue"].procedures
        assert found, query
        assert all("cap giay phep" in fold(p.name) or "cap phep" in fold(p.name) for p in found)


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
