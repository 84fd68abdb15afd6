"""The admin flow end to end on a real corpus pair: Luật bảo hiểm y tế 25/2008/QH12 and
the law amending it, 46/2014/QH13 (action → draft → redline → confirm), with the public
page showing the new text only once confirmed."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape

from regulations.documents.models import (
    ConsolidationDraft,
    DocumentRelation,
    DraftState,
    LegalDocument,
    RelationType,
)
from regulations.documents.services.versions import versions_of
from regulations.documents.signals import version_confirmed
from regulations.wordio.importer import import_file

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "laws"
NEW_TEXT = "Bảo hiểm y tế là hình thức bảo hiểm bắt buộc được áp dụng đối với các đối tượng"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.django_db,
    pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/laws is absent"),
]


@pytest.fixture
def laws():
    for name in ("Luat-25-2008-QH12", "Luat-46-2014-QH13"):
        report = import_file((CORPUS / f"{name}.docx").read_bytes(), f"{name}.docx")
        assert report.status == "ok", report.error
    base = LegalDocument.objects.get(number_symbol="25/2008/QH12")
    amending = LegalDocument.objects.get(number_symbol="46/2014/QH13")
    LegalDocument.objects.filter(pk__in=[base.pk, amending.pk]).update(live=True)
    base.refresh_from_db()
    return base, amending


@pytest.fixture
def officer():
    from regulations.organisation.models import Role
    from regulations.organisation.roles import group_for, sync_role_groups

    sync_role_groups()
    user = get_user_model().objects.create_user("phapche", "p@example.com", "x")
    user.groups.add(group_for(Role.LEGAL_OFFICER))
    return user


def public_text(client, base, day="01/06/2015") -> str:
    client.logout()
    page = client.get(base.get_absolute_url(), {"ngay": day})
    assert page.status_code == 200
    return page.content.decode()


def test_46_2014_into_25_2008_from_the_action_to_the_confirmed_public_text(client, laws, officer):
    base, amending = laws
    first = versions_of(base).get()
    assert NEW_TEXT not in public_text(client, base)

    client.force_login(officer)
    listing = client.get(reverse("wagtailsnippets_documents_legaldocument:list"))
    assert reverse("hop-nhat:start", args=[amending.pk]) in listing.content.decode()
    response = client.post(reverse("hop-nhat:start", args=[amending.pk]))
    draft = ConsolidationDraft.objects.get(amending=amending, base=base)
    assert response.url == reverse("hop-nhat:draft", args=[draft.pk])
    assert draft.counts() == {"applied": 28, "failed": 0, "ambiguous": 0}

    page = client.get(response.url)
    redline = page.context["redline"]
    lines = {line.entry.path: line for line in redline.lines}
    assert lines["dieu-2/khoan-1"].entry.status == "changed"
    assert lines["dieu-2/khoan-1"].items[0].outcome["source"] == "dieu-1/khoan-1"
    assert lines["dieu-7a"].entry.status == "added"
    assert "dieu-23/khoan-10" in lines and lines["dieu-23/khoan-10"].entry.status == "removed"
    assert all(line.items for line in redline.lines), [
        p for p, line in lines.items() if not line.items
    ]
    assert not redline.not_applied
    first_instruction = redline.items[0].outcome["instruction"]
    assert first_instruction.startswith("Sửa đổi, bổ sung khoản 1")
    assert escape(first_instruction) in page.content.decode()  # its text beside the changes

    assert NEW_TEXT not in public_text(client, base)  # a draft changes nothing in public

    received = []
    version_confirmed.connect(
        lambda sender, **kw: received.append(kw), weak=False, dispatch_uid="t"
    )
    try:
        client.force_login(officer)
        client.post(reverse("hop-nhat:confirm", args=[draft.pk]))
    finally:
        version_confirmed.disconnect(dispatch_uid="t")
    draft.refresh_from_db()
    assert draft.state == DraftState.CONFIRMED
    assert [(r["version"].pk, r["previous"].pk) for r in received] == [(draft.version_id, first.pk)]
    assert [v.pk for v in versions_of(base)] == [first.pk, draft.version_id]
    assert DocumentRelation.objects.filter(
        source=amending,
        target=base,
        relation_type=RelationType.AMENDS,
        target_provision="dieu-2/khoan-1",
    ).exists()
    assert DocumentRelation.objects.filter(
        source=amending, relation_type=RelationType.REPEALS, target_provision="dieu-23/khoan-10"
    ).exists()

    assert NEW_TEXT in public_text(client, base)
    assert NEW_TEXT not in public_text(client, base, "01/06/2014")  # before the amendment
