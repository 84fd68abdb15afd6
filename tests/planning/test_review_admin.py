"""Review records in the admin: a double submit creates one record, and an internal
record is approved ("Phê duyệt"), never published ("Xuất bản")."""

import re
import uuid
from datetime import date

from django.urls import reverse

from regulations.planning.models import ReviewRecord

from .helpers import approve_by, internal_rule, submitted_record

ADD = "wagtailsnippets_planning_reviewrecord:add"
EDIT = "wagtailsnippets_planning_reviewrecord:edit"


def _create_form(world, token):
    data = {
        "title": "Rà soát Điều 6 Quy chế chi tiêu nội bộ",
        "plan": world.plan.pk,
        "target_kind": "quy_che_noi_bo",
        "document": internal_rule().pk,
        "provision_path": "dieu-6",
        "outcome": "sua_doi_bo_sung",
        "reason": "Không còn phù hợp",
        "responsible_unit": world.units["khtc"].pk,
        "reviewed_on": date(2017, 9, 25).strftime("%d/%m/%Y"),
        "creation_token": str(token),
    }
    for prefix in ("findings", "simplifications"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                 f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}  # fmt: skip
    return data


def test_create_form_carries_a_fresh_hidden_creation_token(world, client):
    client.force_login(world.users["admin"])
    html = client.get(reverse(ADD)).content.decode()
    tokens = re.findall(r'<input type="hidden" name="creation_token" value="([0-9a-f-]{36})"', html)
    assert len(tokens) == 1
    assert tokens[0] not in client.get(reverse(ADD)).content.decode()


def test_two_posts_with_the_same_token_create_one_record_and_the_second_goes_to_it(world, client):
    client.force_login(world.users["admin"])
    token = uuid.uuid4()
    first = client.post(reverse(ADD), _create_form(world, token))
    assert first.status_code == 302
    record = ReviewRecord.objects.get()
    second = client.post(reverse(ADD), _create_form(world, token))
    assert second.status_code == 302
    assert second.url == reverse(EDIT, args=[record.pk])
    assert ReviewRecord.objects.count() == 1
    page = client.get(second.url).content.decode()
    assert "đã được tạo từ lần gửi trước" in page
    # An autosave request (JSON) with the same token gets the same record back.
    autosave = client.post(reverse(ADD), _create_form(world, token), HTTP_ACCEPT="application/json")
    assert autosave.json()["pk"] == record.pk
    assert ReviewRecord.objects.count() == 1
    # A new form (a new token) creates a new record.
    client.post(reverse(ADD), _create_form(world, uuid.uuid4()))
    assert ReviewRecord.objects.count() == 2


def test_edit_page_says_approve_not_publish(world, client):
    client.force_login(world.users["admin"])
    record = submitted_record(world)
    html = client.get(reverse(EDIT, args=[record.pk])).content.decode()
    assert "Phê duyệt" in html
    assert "Xuất bản" not in html and "Publish" not in html


def test_final_approval_step_reads_phe_duyet_and_the_message_da_phe_duyet(world, client):
    record = submitted_record(world)
    approve_by(client, record, world.users["truongphong_khtc"])
    approve_by(client, record, world.users["phapche"])
    client.force_login(world.users["lanhdao"])
    html = client.get(reverse(EDIT, args=[record.pk])).content.decode()
    assert "Phê duyệt" in html and "Xuất bản" not in html
    client.force_login(world.users["admin"])
    response = client.post(
        reverse(EDIT, args=[record.pk]),
        _create_form(world, "") | {"action-publish": "action-publish"},
        follow=True,
    )
    assert "Đã phê duyệt phiếu rà soát" in response.content.decode()
