"""The admin import respects the publish permission, and the original file stays private.

A unit head (add, no publish) gets a draft with a revision, submitted to the workflow
when the model has one; a legal officer (publish) gets a live document, as before. The
imported .docx sits in a private collection: anonymous visitors are sent to log in,
staff without the view permission get 403, and /api/v2/files/ lists nothing private.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import (
    GroupApprovalTask,
    Workflow,
    WorkflowContentType,
    WorkflowState,
    WorkflowTask,
)

from regulations.documents.models import LegalDocument
from regulations.organisation.models import Role, Unit, UnitKind
from regulations.organisation.roles import assign_role, group_for, sync_role_groups
from regulations.wordio.importer import import_file
from regulations.wordio.originals import COLLECTION_NAME
from search import service

from .builders import decision, to_bytes

pytestmark = pytest.mark.django_db

NUMBER = "88/2024/QĐ-UBND"
UPLOAD = "/admin/word/nhap/"


@pytest.fixture
def staff():
    sync_role_groups()
    unit = Unit.objects.create(code="VP", name="Văn phòng Sở", kind=UnitKind.DIVISION)
    users = {}
    for name, role in [("truongphong", Role.UNIT_HEAD), ("phapche", Role.LEGAL_OFFICER)]:
        users[name] = get_user_model().objects.create_user(username=name, password="x")
        assign_role(users[name], unit, role)
    outsider = get_user_model().objects.create_user(username="ngoai", password="x", is_staff=True)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    users["ngoai"] = outsider
    return users


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    """Post one file to the admin import as `user`; the search delivery runs after commit."""

    def run(user, number=NUMBER):
        with django_capture_on_commit_callbacks(execute=True):
            return _upload(client, user, number)

    return run


def _upload(client, user, number):
    client.force_login(user)
    upload = SimpleUploadedFile("qd.docx", to_bytes(decision(number)))
    response = client.post(UPLOAD, {"files": upload, "kind": "", "as_version_of": ""})
    assert response.status_code == 200
    client.logout()
    return LegalDocument.objects.get(number_symbol=number)


def _public(client, document):
    page = client.get(document.get_absolute_url()).status_code
    api_ids = [d["id"] for d in client.get("/api/v2/documents/").json()["items"]]
    return page, document.pk in api_ids, service.search(document.number_symbol).count


def test_unit_head_import_is_a_draft_with_a_revision_out_of_public_view(client, staff, upload):
    head = staff["truongphong"]
    assert head.has_perm("documents.add_legaldocument")
    assert not head.has_perm("documents.publish_legaldocument")
    document = upload(head)
    assert not document.live and document.has_unpublished_changes
    assert document.latest_revision is not None and document.latest_revision.user == head
    assert document.versions.get().provisions.count() > 0
    assert _public(client, document) == (404, False, 0)
    assert service.search("khoan mot cua dieu 4").count == 0  # no provision either

    document.latest_revision.publish(user=staff["phapche"])
    document.refresh_from_db()
    assert document.live and document.versions.get().provisions.count() > 0
    page, in_api, hits = _public(client, document)
    assert (page, in_api) == (200, True) and hits >= 1


def test_legal_officer_import_goes_live_at_once(client, staff, upload):
    document = upload(staff["phapche"])
    assert document.live
    page, in_api, hits = _public(client, document)
    assert (page, in_api) == (200, True) and hits >= 1


def test_unit_head_import_is_submitted_to_the_documents_workflow(client, staff, upload):
    workflow = Workflow.objects.create(name="Duyệt văn bản")
    task = GroupApprovalTask.objects.create(name="Pháp chế duyệt")
    task.groups.set([group_for(Role.LEGAL_OFFICER)])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(
        workflow=workflow, content_type=ContentType.objects.get_for_model(LegalDocument)
    )
    document = upload(staff["truongphong"])
    state = WorkflowState.objects.get(
        base_content_type=ContentType.objects.get_for_model(LegalDocument),
        object_id=str(document.pk),
    )
    assert state.workflow == workflow and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == staff["truongphong"]
    assert state.current_task_state.task.specific == task
    assert not document.live


def test_unit_head_cannot_add_a_version_to_a_live_document(staff):
    import_file(to_bytes(decision("89/2024/QĐ-UBND")), "v1.docx")  # the command: live
    report = import_file(
        to_bytes(decision("89/2024/QĐ-UBND", chapters=1)),
        "v2.docx",
        as_version_of="89/2024/QĐ-UBND",
        user=staff["truongphong"],
    )
    assert report.status == "error" and "quyền công bố" in report.error
    assert LegalDocument.objects.get(number_symbol="89/2024/QĐ-UBND").versions.count() == 1


def test_original_is_served_only_to_staff_who_may_see_documents(client, staff, upload, media):
    document = upload(staff["truongphong"])
    original = document.original_file
    assert original.collection.name == COLLECTION_NAME
    url = original.url
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(staff["ngoai"])  # admin access, no view permission on documents
    assert client.get(url).status_code == 403
    client.force_login(staff["phapche"])
    served = client.get(url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == original.file.open("rb").read()


def test_files_api_and_public_page_list_nothing_private(client, staff, upload):
    document = upload(staff["phapche"])  # live, so its page and API are public
    public = get_document_model().objects.create(title="Mẫu đơn công khai")
    public.file.save("mau-don.pdf", ContentFile(b"%PDF-1.4 public"), save=True)
    ids = [item["id"] for item in client.get("/api/v2/files/").json()["items"]]
    assert ids == [public.pk]
    assert client.get(f"/api/v2/files/{document.original_file_id}/").status_code == 404
    assert client.get(f"/api/v2/files/{public.pk}/").status_code == 200
    detail = client.get(f"/api/v2/documents/{document.pk}/?fields=original_file_url").json()
    assert detail["original_file_url"] is None
    assert document.original_file.url not in client.get(document.get_absolute_url()).text
