"""New version from an amending document: copy, apply changes, mark, relate, atomically."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regulations.documents.models import DocumentRelation, LegalVersion, RelationType
from regulations.documents.services.amend import amend
from regulations.documents.services.versions import version_on

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules():
    doc = make_document("125/QĐ-STTTT", "Quy chế", date(2017, 2, 15))
    make_version(doc, date(2017, 2, 15))
    amending = make_document("412/QĐ-STTTT", "Quyết định", date(2017, 6, 20), date(2017, 7, 1))
    return doc, amending


def test_amend_creates_a_new_version_with_marked_changes_and_relations(rules):
    doc, amending = rules
    version = amend(
        doc,
        amending,
        date(2017, 7, 1),
        [
            {"path": "dieu-2/khoan-2", "text": "Giải quyết công việc đúng hạn và công khai."},
            {
                "path": "dieu-2",
                "action": "insert_after",
                "number": "2a",
                "title": "Một đầu mối",
                "text": "Mỗi việc một đầu mối.",
                "children": [
                    {
                        "level": "khoan",
                        "number": "1",
                        "text": "Đầu mối chịu trách nhiệm xuyên suốt.",
                    }
                ],
            },
            {"path": "dieu-4", "action": "repeal"},
        ],
    )
    assert version.amending_document == amending
    paths = list(version.provisions.order_by("sort_order").values_list("path", flat=True))
    assert "dieu-4" not in paths
    assert paths.index("dieu-2a") == paths.index("dieu-2/khoan-2/diem-b") + 1
    assert "dieu-2a/khoan-1" in paths
    changed = set(version.provisions.filter(changed_by=amending).values_list("path", flat=True))
    assert changed == {"dieu-2/khoan-2", "dieu-2a", "dieu-2a/khoan-1"}
    # The old version is untouched and still answers for earlier dates.
    old = version_on(doc, date(2017, 6, 30))
    assert old.provisions.filter(path="dieu-4").exists()
    relations = set(
        DocumentRelation.objects.filter(source=amending, target=doc).values_list(
            "relation_type", "target_provision"
        )
    )
    assert relations == {
        (RelationType.AMENDS, "dieu-2/khoan-2"),
        (RelationType.AMENDS, "dieu-2"),
        (RelationType.REPEALS, "dieu-4"),
    }


def test_unknown_path_names_the_path_and_saves_nothing(rules):
    doc, amending = rules
    with pytest.raises(ValidationError) as exc:
        amend(
            doc,
            amending,
            date(2017, 7, 1),
            [
                {"path": "dieu-2/khoan-1", "text": "Sửa hợp lệ."},
                {"path": "dieu-9/khoan-3", "text": "Không tồn tại."},
            ],
        )
    message = exc.value.message_dict["changes"][0]
    assert "dieu-9/khoan-3" in message and "khoản 3 Điều 9" in message
    assert LegalVersion.objects.filter(document=doc).count() == 1
    assert not DocumentRelation.objects.filter(source=amending).exists()


def test_effective_date_must_follow_the_latest_version(rules):
    doc, amending = rules
    with pytest.raises(ValidationError) as exc:
        amend(doc, amending, date(2017, 2, 15), [{"path": "dieu-1", "text": "x"}])
    assert "effective_from" in exc.value.message_dict


def test_a_document_cannot_amend_itself(rules):
    doc, _ = rules
    with pytest.raises(ValidationError) as exc:
        amend(doc, doc, date(2017, 8, 1), [{"path": "dieu-1", "text": "x"}])
    assert "amending_document" in exc.value.message_dict


def test_later_versions_show_which_document_changed_a_provision(rules):
    from regulations.documents.services.versions import later_changes

    doc, amending = rules
    amend(doc, amending, date(2017, 7, 1), [{"path": "dieu-3", "text": "Giao ban thứ Ba."}])
    first = version_on(doc, date(2017, 3, 1))
    later = later_changes(first)
    assert [d for _v, d in later["dieu-3"]] == [amending]
    assert "dieu-1" not in later


def test_wagtail_usage_of_the_amending_document_lists_the_provisions_it_changed(rules):
    from wagtail.models import ReferenceIndex

    doc, amending = rules
    version = amend(
        doc, amending, date(2017, 7, 1), [{"path": "dieu-2/khoan-2", "text": "Đúng hạn."}]
    )
    usage = ReferenceIndex.get_references_to(amending)
    paths = {ref.model_path for ref in usage if ref.object_id == str(version.pk)}
    assert paths == {"amending_document", "provisions.item.changed_by"}
