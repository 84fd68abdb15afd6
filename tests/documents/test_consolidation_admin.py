"""Hợp nhất in the admin: the action on an amending document, the draft's redline,
confirm and discard, the relations and validity they leave, and a chain of amendments."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from regulations.documents.models import (
    ConsolidationDraft,
    DocumentRelation,
    DraftState,
    LegalVersion,
    RelationType,
    ValidityStatus,
)
from regulations.documents.services.provisions import ProvisionData, replace_provisions
from regulations.documents.services.versions import versions_of
from regulations.documents.signals import version_confirmed
from regulations.documents.structure import ProvisionLevel as L

from .factories import make_document, make_version

pytestmark = pytest.mark.django_db

BASE = "12/2017/QĐ-UBND"
GROUP = f"Sửa đổi, bổ sung một số điều của Quy chế làm việc số {BASE}"
FIRST = [  # 2018: three instructions, one of them naming an article the text does not have
    (L.ARTICLE, "1", GROUP, ""),
    (L.CLAUSE, "1", "", "Sửa đổi, bổ sung khoản 2 Điều 2 như sau:\n"
     "“2. Giải quyết công việc đúng hạn, công khai.”"),
    (L.CLAUSE, "2", "", "Bổ sung Điều 2a vào sau Điều 2 như sau:\n"
     "“Điều 2a. Một đầu mối\nMỗi việc một đầu mối.”"),
    (L.CLAUSE, "3", "", "Bãi bỏ Điều 9."),
    (L.ARTICLE, "2", "Hiệu lực thi hành", "Quyết định này có hiệu lực từ ngày 01/01/2018."),
]  # fmt: skip
SECOND = [  # 2019: repeal an article, change another
    (L.ARTICLE, "1", GROUP, ""),
    (L.CLAUSE, "1", "", "Bãi bỏ Điều 4."),
    (L.CLAUSE, "2", "", "Điều 3 được sửa đổi, bổ sung như sau:\n"
     "“Điều 3. Chế độ họp\nGiao ban vào sáng thứ Hai và chiều thứ Sáu.”"),
    (L.ARTICLE, "2", "Hiệu lực thi hành", "Quyết định này có hiệu lực từ ngày 01/01/2019."),
]  # fmt: skip


def amending_document(number, effective, rows):
    doc = make_document(
        number,
        "Quyết định",
        date(effective.year - 1, 12, 1),
        effective,
        title=f"Sửa đổi, bổ sung một số điều của Quy chế làm việc số {BASE}",
    )
    version = LegalVersion.objects.create(document=doc, effective_from=effective)
    replace_provisions(version, [ProvisionData(str(lv), n, t, x) for lv, n, t, x in rows])
    return doc


@pytest.fixture
def rules():
    base = make_document(BASE, "Quy chế", date(2017, 2, 15), title="Quy chế làm việc")
    make_version(base, date(2017, 2, 15))
    return base


@pytest.fixture
def first(rules):
    return amending_document("3/2017/QĐ-UBND", date(2018, 1, 1), FIRST)


@pytest.fixture
def officer(client):
    from regulations.organisation.models import Role
    from regulations.organisation.roles import group_for, sync_role_groups

    sync_role_groups()
    user = get_user_model().objects.create_user("phapche", "p@example.com", "x")
    user.groups.add(group_for(Role.LEGAL_OFFICER))
    client.force_login(user)
    return client


def start(client, amending, **data):
    return client.post(reverse("hop-nhat:start", args=[amending.pk]), data)


def draft_of(amending) -> ConsolidationDraft:
    return ConsolidationDraft.objects.get(amending=amending, state=DraftState.PENDING)


def test_the_action_creates_a_draft_and_opens_its_redline(officer, rules, first):
    page = officer.get(reverse("hop-nhat:start", args=[first.pk]))
    assert page.status_code == 200
    assert "Hợp nhất vào văn bản được sửa đổi" in page.content.decode()
    assert [b.pk for b in page.context["bases"]] == [rules.pk]
    response = start(officer, first)
    draft = draft_of(first)
    assert response.status_code == 302 and response.url == reverse(
        "hop-nhat:draft", args=[draft.pk]
    )
    assert draft.version.is_draft and draft.version.effective_from == date(2018, 1, 1)
    assert draft.previous == versions_of(rules).get()
    assert [o["status"] for o in draft.outcomes] == ["applied", "applied", "failed"]
    assert not DocumentRelation.objects.filter(source=first).exists()


def test_the_redline_links_each_change_to_its_instruction_and_flags_the_failures(
    officer, rules, first
):
    start(officer, first)
    page = officer.get(reverse("hop-nhat:draft", args=[draft_of(first).pk]))
    assert page.status_code == 200
    redline = page.context["redline"]
    by_path = {line.entry.path: line for line in redline.lines}
    assert by_path["dieu-2/khoan-2"].entry.status == "changed"
    assert [i.number for i in by_path["dieu-2/khoan-2"].items] == [1]
    assert by_path["dieu-2a"].entry.status == "added"
    assert [i.number for i in by_path["dieu-2a"].items] == [2]
    assert [i.number for i in redline.not_applied] == [3]
    assert (
        redline.not_applied[0].reasons[0]
        == "Không tìm thấy quy định được sửa đổi trong văn bản gốc"
    )
    html = page.content.decode()
    assert "Xác nhận" in html and "Huỷ bản nháp" in html
    assert "Sửa đổi, bổ sung khoản 2 Điều 2 như sau:" in html  # the instruction's text beside
    assert "<ins>" in html and "Trang Chủ" not in html


def test_confirm_publishes_relates_refreshes_validity_and_sends_the_signal(officer, rules, first):
    start(officer, first)
    draft = draft_of(first)
    received = []

    def receiver(sender, version, previous, **kwargs):
        received.append((version.pk, previous.pk, version.is_draft))

    version_confirmed.connect(receiver)
    try:
        response = officer.post(reverse("hop-nhat:confirm", args=[draft.pk]))
    finally:
        version_confirmed.disconnect(receiver)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == DraftState.CONFIRMED
    assert received == [(draft.version_id, draft.previous_id, False)]
    assert [v.pk for v in versions_of(rules)] == [draft.previous_id, draft.version_id]
    relations = set(
        DocumentRelation.objects.filter(source=first).values_list(
            "relation_type", "source_provision", "target_provision"
        )
    )
    assert relations == {
        (RelationType.AMENDS, "dieu-1/khoan-1", "dieu-2/khoan-2"),
        (RelationType.AMENDS, "dieu-1/khoan-2", "dieu-2a"),
    }
    rules.refresh_from_db()
    assert rules.validity_status == ValidityStatus.IN_FORCE  # amended, nothing repealed


def test_confirming_twice_or_a_discarded_draft_changes_nothing(officer, rules, first):
    start(officer, first)
    draft = draft_of(first)
    officer.post(reverse("hop-nhat:confirm", args=[draft.pk]))
    relations = DocumentRelation.objects.count()
    again = officer.post(reverse("hop-nhat:confirm", args=[draft.pk]), follow=True)
    assert "đã được xác nhận" in again.content.decode()
    assert DocumentRelation.objects.count() == relations
    assert versions_of(rules).count() == 2

    second = amending_document("4/2018/QĐ-UBND", date(2019, 1, 1), SECOND)
    start(officer, second)
    other = draft_of(second)
    version_pk = other.version_id
    officer.post(reverse("hop-nhat:discard", args=[other.pk]))
    assert not LegalVersion.objects.filter(pk=version_pk).exists()
    late = officer.post(reverse("hop-nhat:confirm", args=[other.pk]), follow=True)
    assert "đã bị huỷ" in late.content.decode()
    assert versions_of(rules).count() == 2
    assert not DocumentRelation.objects.filter(source=second).exists()


def test_a_draft_built_before_an_earlier_amendment_was_confirmed_is_refused(officer, rules, first):
    second = amending_document("4/2018/QĐ-UBND", date(2019, 1, 1), SECOND)
    start(officer, first)
    start(officer, second)  # built on the 2017 text: it lacks the 2018 changes
    officer.post(reverse("hop-nhat:confirm", args=[draft_of(first).pk]))
    late = officer.post(reverse("hop-nhat:confirm", args=[draft_of(second).pk]), follow=True)
    assert "hợp nhất lại" in late.content.decode()
    assert versions_of(rules).count() == 2


def test_a_chain_gives_one_version_per_amending_document_shown_by_date(
    officer, client, rules, first
):
    second = amending_document("4/2018/QĐ-UBND", date(2019, 1, 1), SECOND)
    for amending in (first, second):
        start(officer, amending)
        officer.post(reverse("hop-nhat:confirm", args=[draft_of(amending).pk]))
    versions = list(versions_of(rules))
    assert [v.amending_document for v in versions] == [None, first, second]
    assert [v.effective_from for v in versions] == [
        date(2017, 2, 15), date(2018, 1, 1), date(2019, 1, 1)
    ]  # fmt: skip
    client.logout()
    for day, version in (("01/06/2017", 0), ("01/06/2018", 1), ("01/06/2019", 2)):
        page = client.get(rules.get_absolute_url(), {"ngay": day})
        assert page.context["version"] == versions[version]
    paths = [set(v.provisions.values_list("path", flat=True)) for v in versions]
    assert "dieu-2a" not in paths[0] and "dieu-2a" in paths[1] and "dieu-2a" in paths[2]
    assert "dieu-4" in paths[1] and "dieu-4" not in paths[2]
    assert versions[2].provisions.get(path="dieu-3").text.endswith("chiều thứ Sáu.")
    assert DocumentRelation.objects.filter(
        source=second, relation_type=RelationType.REPEALS, target_provision="dieu-4"
    ).exists()
    rules.refresh_from_db()
    assert rules.validity_status == ValidityStatus.PARTLY_EXPIRED


def test_only_those_who_may_edit_documents_may_consolidate(client, rules, first):
    from regulations.organisation.models import Role
    from regulations.organisation.roles import group_for, sync_role_groups

    sync_role_groups()
    staff = get_user_model().objects.create_user("chuyenvien", "c@example.com", "x")
    staff.groups.add(group_for(Role.UNIT_STAFF))
    client.force_login(staff)
    assert client.get(reverse("hop-nhat:start", args=[first.pk])).status_code == 403
    assert start(client, first).status_code == 403
    assert not ConsolidationDraft.objects.exists()
    officer = get_user_model().objects.create_user("phapche", "p@example.com", "x")
    officer.groups.add(group_for(Role.LEGAL_OFFICER))
    client.force_login(officer)
    start(client, first)
    draft = draft_of(first)
    client.force_login(staff)
    for name in ("draft", "confirm", "discard"):
        url = reverse(f"hop-nhat:{name}", args=[draft.pk])
        response = client.get(url) if name == "draft" else client.post(url)
        assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.state == DraftState.PENDING and draft.version.is_draft


def test_the_listing_offers_the_action_on_amending_documents_only(officer, rules, first):
    page = officer.get(reverse("wagtailsnippets_documents_legaldocument:list"))
    html = page.content.decode()
    assert reverse("hop-nhat:start", args=[first.pk]) in html
    assert reverse("hop-nhat:start", args=[rules.pk]) not in html


def test_a_text_amending_several_documents_asks_which_one(officer, rules):
    other = make_document("13/2017/QĐ-UBND", "Quy chế", date(2017, 3, 1), title="Quy chế tiếp dân")
    make_version(other, date(2017, 3, 1))
    both = amending_document(
        "5/2017/QĐ-UBND",
        date(2018, 1, 1),
        [
            *FIRST[:2],
            (L.ARTICLE, "2", "Sửa đổi, bổ sung một số điều của Quy chế tiếp dân số "
             "13/2017/QĐ-UBND", ""),
            (L.CLAUSE, "1", "", "Bãi bỏ Điều 4."),
        ],
    )  # fmt: skip
    page = officer.get(reverse("hop-nhat:start", args=[both.pk]))
    assert {b.pk for b in page.context["bases"]} == {rules.pk, other.pk}
    unchosen = start(officer, both)
    assert "sửa đổi nhiều văn bản" in unchosen.content.decode()
    unknown = start(officer, both, base="999999")
    assert "không có" in unknown.content.decode()
    assert not ConsolidationDraft.objects.exists()
    start(officer, both, base=str(other.pk))
    draft = draft_of(both)
    assert draft.base == other
    assert [(o["source"], o["status"]) for o in draft.outcomes] == [("dieu-2/khoan-1", "applied")]
    assert not draft.version.provisions.filter(path="dieu-4").exists()
