"""Every demo role's main admin screens speak Vietnamese: none shows a known English
phrase (Wagtail's own strings, completed by locale/vi; our columns and labels)."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from regulations.planning.demo import USERS
from regulations.planning.models import ReviewRecord

from .screens import english_in, first_add_link, first_edit_link, sidebar

# Seen by staff in the admin (issue #16), and their siblings: substrings of the text.
ENGLISH_PHRASES = [
    "Request changes",
    "Save draft",
    "More actions",
    "Page 1 of",
    "Target label",
    "Updated at",
    "has been submitted for moderation",
    "Approved at",
    "Next step",
    "match your query",
    "could not be created due to errors",
    "could not be saved due to errors",
    "Phê chuẩnvà",
    "and Publish",
    "Awaiting your review",
    "Your pages and snippets in a workflow",
    "Task submitted by",
    "Changes requested",
    "In Moderation",
    "See full history",
    "No publishing schedule set",
    "Sort by '",
    "Show filters",
    "Bulk actions",
    "Select all snippets",
    "More options for",
    "Skip to main content",
    "Keyboard shortcuts",
    "Toggle sidebar",
    "Autosave is",
    "View history",
    "View details",
    "Clear choice",
    "A comma-separated list of tags",
    "There are no results",
    "Not started",
    "Workflow history",
    "Publish this version",
    "Schedule to publish",
]
# Whole texts only (a title, a cell, a button), as they are too short for substrings.
ENGLISH_WORDS = ["True", "False", "Live", "Actions", "Search…", "Submitted", "Rejected",
                 "Approve", "Approved", "Snippets", "Instances", "Back", "Next",
                 "Previous"]  # fmt: skip

NO_MATCH = "zzzqxv-khong-co"


def admin_screens(client):
    """(url, body) of the dashboard, every listing in the menu with an edit view and a
    search without results, the review records' workflow screens, and a refused create."""
    seen = {}

    def get(url):
        if url not in seen:
            response = client.get(url)
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                seen[url] = response.content.decode()
        return seen.get(url)

    dashboard = get("/admin/")
    _, menu = sidebar(dashboard)
    listings = sorted({url for url in menu if url != "/admin/"})
    for url in listings:
        body = get(url)
        if body is None:
            continue
        edit = first_edit_link(body)
        if edit:
            get(edit)
        if "/snippets/" in url:
            get(f"{url}?q={NO_MATCH}")
    for pk in ReviewRecord.objects.values_list("pk", flat=True):
        get(f"/admin/snippets/planning/reviewrecord/edit/{pk}/")
        get(f"/admin/snippets/planning/reviewrecord/history/{pk}/")
    get("/admin/reports/workflow/")
    add = next((first_add_link(body) for body in list(seen.values()) if first_add_link(body)), None)
    if add:
        response = client.post(add, {})
        if response.status_code == 200:
            seen[f"POST {add}"] = response.content.decode()
    return seen


@pytest.mark.parametrize("username", [user["username"] for user in USERS])
def test_role_sees_no_english_in_the_admin(demo_site, client, username):
    client.force_login(get_user_model().objects.get(username=username))
    with translation.override("vi"):
        screens = admin_screens(client)
    assert "/admin/" in screens
    assert any("/edit/" in url for url in screens), f"{username}: no edit view reached"
    assert any(NO_MATCH in url for url in screens), f"{username}: no search reached"
    found = {}
    for url, body in screens.items():
        for phrase in english_in(body, ENGLISH_PHRASES, ENGLISH_WORDS):
            found.setdefault(phrase, []).append(url)
    assert found == {}, f"{username} sees English: " + "; ".join(
        f"{phrase!r} on {', '.join(urls[:3])}" for phrase, urls in sorted(found.items())
    )
