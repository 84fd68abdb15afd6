"""Facets, their labels and the items' admin links come from the apps; the engine
from settings."""

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from regulations.dossiers.search_items import dossier_items
from regulations.feedback.models import Feedback
from regulations.feedback.search_items import feedback_items
from regulations.surveys.search_items import answer_items
from search.engines import ELASTICSEARCH, EMBEDDED, build_engine, engine_path
from search.engines.base import filter_names
from search.engines.elastic_schema import index_mappings
from search.engines.embedded import EmbeddedEngine
from search.registry import Registry, registry
from search.views import KIND_LABEL, facet_label
from tests.dossiers.factories import make_dossier, make_procedure
from tests.surveys.factories import criteria, response_with

SITE_FACETS = {
    "type": "Loại văn bản",
    "issuer": "Cơ quan ban hành",
    "year": "Năm",
    "status": "Tình trạng",
    "field": "Lĩnh vực",
    "unit": "Đơn vị",
}


@translation.override("vi")  # other tests' requests may leave another language active
def test_the_apps_declare_the_facets_in_installed_apps_order():
    assert {name: str(label) for name, label in registry.facets.items()} == SITE_FACETS
    assert list(registry.facets) == list(SITE_FACETS)


@translation.override("vi")
def test_the_search_page_names_facets_as_the_apps_declare_them_and_kind_itself():
    assert str(facet_label("type")) == "Loại văn bản"
    assert facet_label("kind") is KIND_LABEL
    assert facet_label("undeclared") == "undeclared"


def test_a_request_filters_by_kind_group_and_every_declared_facet():
    assert filter_names() == ("kind", "parent", *SITE_FACETS)


def test_two_apps_may_share_a_facet_under_one_label_but_not_two():
    fresh = Registry()
    fresh.register_facet("unit", _("Đơn vị"))
    fresh.register_facet("unit", _("Đơn vị"))
    assert list(fresh.facets) == ["unit"]
    with pytest.raises(ImproperlyConfigured, match="unit"):
        fresh.register_facet("unit", _("Cơ quan giải quyết"))
    with pytest.raises(ImproperlyConfigured, match="kind"):
        fresh.register_facet("kind", _("Loại"))


def test_a_fresh_registry_loads_the_same_facets_from_the_search_items_modules():
    assert list(Registry().load().facets) == list(SITE_FACETS)


def test_the_elasticsearch_mapping_has_one_keyword_per_declared_facet(monkeypatch):
    facets = index_mappings()["properties"]["facets"]["properties"]
    assert facets == {name: {"type": "keyword"} for name in SITE_FACETS}
    monkeypatch.setitem(registry.facets, "level", _("Cấp thực hiện"))
    assert "level" in index_mappings()["properties"]["facets"]["properties"]


def test_the_engine_class_comes_from_settings_by_dotted_path():
    assert engine_path({}) == EMBEDDED
    assert engine_path({"ELASTICSEARCH_URL": "http://127.0.0.1:9200"}) == ELASTICSEARCH
    assert engine_path({"ENGINE": "x.Y", "ELASTICSEARCH_URL": "http://h:9200"}) == "x.Y"
    with override_settings(SEARCH={"ENGINE": EMBEDDED}):
        assert isinstance(build_engine(), EmbeddedEngine)


@pytest.mark.django_db
def test_staff_items_link_to_the_admin_pages_their_apps_name():
    dossier = make_dossier(make_procedure())
    assert next(dossier_items(dossier)).url == reverse("dossiers_admin:detail", args=[dossier.pk])
    feedback = Feedback.objects.create(
        subject="Chậm trả kết quả", message="Chờ lâu", deadline=date(2017, 4, 1)
    )
    assert next(feedback_items(feedback)).url == reverse(
        "wagtailsnippets_feedback_feedback:edit", args=[feedback.pk]
    )
    answer = response_with({criteria()[0]: 5}).answers.get()
    assert next(answer_items(answer)).url == reverse(
        "wagtailsnippets_surveys_surveyresponse:edit", args=[answer.response_id]
    )
