"""Staff search shows, for every staff-only kind, only what the admin listing shows.

Role × kind on both engines: one user per demo role (regulations.organisation.roles
groups, a profile in "Phòng Công nghệ thông tin"), an administrator and a staff user
without a role; for each kind one item of the user's unit (or, for notices, sent to
the user) and one of another unit (sent to someone else). search.service must return
exactly the items in the role's scope: "all" both, "own" the first, "none" neither.
"""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from regulations.feedback.models import Feedback
from regulations.organisation.models import Role
from regulations.organisation.roles import assign_role, sync_role_groups
from regulations.planning.models import Notification, Plan, PlanTask, ReviewRecord
from regulations.planning.services.tasks import save_task
from search import service
from tests.dossiers.factories import make_dossier, make_procedure
from tests.surveys.factories import criteria, response_with

from .factories import legal_document, unit

ADMIN, NO_ROLE = "admin", "no_role"
KINDS = ["dossier", "survey_answer", "feedback", "task", "review", "notification"]

# What each admin listing shows a role (the rules of permissions.py/scope.py of each app).
EXPECTED = {
    Role.LEADERSHIP: {
        "dossier": "all",
        "survey_answer": "all",
        "feedback": "all",
        "task": "all",
        "review": "all",
        "notification": "all",
    },
    Role.UNIT_HEAD: {
        "dossier": "own",
        "survey_answer": "own",
        "feedback": "own",
        "task": "all",
        "review": "all",
        "notification": "own",
    },
    Role.UNIT_STAFF: {
        "dossier": "none",
        "survey_answer": "none",
        "feedback": "own",
        "task": "all",
        "review": "all",
        "notification": "own",
    },
    Role.LEGAL_OFFICER: {
        "dossier": "none",
        "survey_answer": "none",
        "feedback": "none",
        "task": "all",
        "review": "all",
        "notification": "own",
    },
    Role.ONE_STOP_OFFICER: {
        "dossier": "all",
        "survey_answer": "all",  # the counter's forms, like its dossiers: every unit's
        "feedback": "none",
        "task": "all",
        "review": "none",
        "notification": "own",
    },
    ADMIN: dict.fromkeys(KINDS, "all"),
    NO_ROLE: dict.fromkeys(KINDS, "none"),
}
ROLES = list(EXPECTED)


def _make_user(username, role, home):
    user = get_user_model().objects.create_user(username=username, password="x")  # noqa: S106
    if role == ADMIN:
        user.is_superuser = True
    user.is_staff = True
    user.save()
    if role not in (ADMIN, NO_ROLE):
        assign_role(user, home, role)
    return get_user_model().objects.get(pk=user.pk)


def _items(kind, owner_unit, recipient, tag):
    """One object of `kind` that belongs to `owner_unit` (notices: to `recipient`)."""
    if kind == "dossier":
        procedure = make_procedure(f"1.00000{tag}.000.00.00.H29", unit=owner_unit)
        return make_dossier(procedure, code=f"HS-{tag}")
    if kind == "survey_answer":
        return response_with({criteria()[0]: 5}, unit=owner_unit).answers.get()
    if kind == "feedback":
        return Feedback.objects.create(
            subject=f"Phản ánh {tag}", message="Chờ lâu", unit=owner_unit, deadline=date(2017, 4, 1)
        )
    if kind == "task":
        plan = Plan.objects.create(document=legal_document(number=f"{tag}/KH-STTTT"))
        task = PlanTask(plan=plan, number="1", title=f"Nhiệm vụ {tag}", lead_unit=owner_unit)
        task.deadline = date(2017, 6, 30)
        return save_task(task)
    if kind == "review":
        return ReviewRecord.objects.create(
            title=f"Rà soát {tag}",
            target_kind="quy_che_noi_bo",
            outcome="giu_nguyen",
            reason="Còn phù hợp",
            responsible_unit=owner_unit,
        )
    return Notification.objects.create(
        key=f"test:{tag}",
        kind="giao_nhiem_vu",
        recipient=recipient,
        subject=f"Thông báo {tag}",
        body="…",
    )


@pytest.fixture(params=["embedded", "es"], ids=["embedded", "elasticsearch"])
def engine(request):
    return request.getfixturevalue(f"{request.param}_engine")


@pytest.fixture
def world(engine):
    """Two units, a user of the role under test in the first, one item of each kind per
    unit; the engine is filled from the database by a rebuild (both engines alike)."""
    sync_role_groups()
    mine, other = unit("Phòng Công nghệ thông tin"), unit("Phòng Báo chí, Xuất bản")
    someone_else = _make_user("chuyenvien.bcxb", Role.UNIT_STAFF, other)

    def build(role):
        user = _make_user(f"user-{role}", role, mine)
        objects = {}
        for i, kind in enumerate(KINDS):
            objects[kind] = {
                "own": _items(kind, mine, user, f"{i}1"),
                "other": _items(kind, other, someone_else, f"{i}2"),
            }
        service.rebuild()
        engine.refresh()
        return user, objects

    return build


def _expected_keys(expectation, kind, objects):
    own, other = (f"{kind}:{objects[kind][w].pk}" for w in ("own", "other"))
    return {"all": {own, other}, "own": {own}, "none": set()}[expectation]


def _keys(results):
    return {hit.key for hit in results.hits}


@pytest.mark.parametrize("role", ROLES)
def test_staff_search_shows_only_the_roles_scope_for_every_kind(world, role):
    """One row of the role × kind matrix per test (one index build per role: a build per
    cell made the Elasticsearch half take minutes). Per kind: hits, count and facet."""
    user, objects = world(role)
    expected, got = {}, {}
    for kind in KINDS:
        keys = _expected_keys(EXPECTED[role][kind], kind, objects)
        results = service.search("", include_private=True, user=user, kind=kind, per_page=100)
        facet = {f["value"]: f["count"] for f in results.facets.get("kind", [])}
        expected[kind] = (keys, len(keys), len(keys))
        got[kind] = (_keys(results), results.count, facet.get(kind, 0))
    assert got == expected
    every = service.search("", include_private=True, user=user, kind=KINDS, per_page=100)
    assert _keys(every) == set().union(*(keys for keys, _n, _f in expected.values()))


def test_anonymous_and_non_staff_users_get_no_staff_only_item(world, django_user_model):
    world(Role.LEADERSHIP)
    citizen = django_user_model.objects.create_user(username="citizen", password="x")  # noqa: S106
    assert service.search("", kind=KINDS).count == 0
    assert service.search("", include_private=True, user=citizen, kind=KINDS).count == 0


def test_unit_staff_api_search_gets_no_dossier_and_no_survey_answer(world, client):
    """The report of issue 12: chuyenvien.cntt got every dossier and survey answer."""
    user, objects = world(Role.UNIT_STAFF)
    client.force_login(user)
    url = reverse("search:api")
    for kind in ("dossier", "survey_answer"):
        data = client.get(url, {"kind": kind}).json()
        assert data["count"] == 0 and data["results"] == []
    feedback = client.get(url, {"kind": "feedback"}).json()
    assert [r["title"] for r in feedback["results"]] == [str(objects["feedback"]["own"])]


def test_unit_head_api_and_admin_search_show_the_units_dossiers_only(world, client):
    user, objects = world(Role.UNIT_HEAD)
    client.force_login(user)
    data = client.get(reverse("search:api"), {"kind": "dossier"}).json()
    assert [r["number"] for r in data["results"]] == ["HS-01"]
    assert data["facets"]["kind"] == [{"value": "dossier", "count": 1}]
    html = client.get(reverse("search_admin"), {"kind": "dossier"}).content.decode()
    assert "HS-01" in html and "HS-02" not in html
    html = client.get(reverse("search_admin"), {"q": "Phản ánh"}).content.decode()
    assert objects["feedback"]["own"].reference in html  # subjects come with <mark>s
    assert objects["feedback"]["other"].reference not in html


def test_public_search_page_shows_no_staff_only_item_to_staff(world, client):
    user, _objects = world(ADMIN)
    client.force_login(user)
    html = client.get(reverse("search:search"), {"kind": "dossier"}).content.decode()
    assert "HS-01" not in html and "HS-02" not in html


def test_unit_head_finds_the_dossiers_of_sub_units(world):
    user, objects = world(Role.UNIT_HEAD)
    mine = objects["dossier"]["own"].unit
    team = unit("Tổ Chuyển đổi số")
    team.parent = mine
    team.save()
    procedure = make_procedure("1.000099.000.00.00.H29", unit=team)
    sub = make_dossier(procedure, code="HS-TEAM")
    service.rebuild()
    results = service.search("", include_private=True, user=user, kind="dossier")
    assert _keys(results) == {f"dossier:{objects['dossier']['own'].pk}", f"dossier:{sub.pk}"}


def test_a_staff_only_kind_without_a_scope_function_shows_nothing(engine, admin_user):
    from search.engines.base import item_to_doc
    from search.registry import SearchItem

    item = SearchItem(kind="secret", key="secret:1", title="Mật", url="", public=False)
    engine.index([item_to_doc(item, "t:secret:1")])
    engine.refresh()
    assert service.search("", include_private=True, user=admin_user, kind="secret").count == 0
    assert service.search("", include_private=True, kind="secret").count == 1  # trusted caller
