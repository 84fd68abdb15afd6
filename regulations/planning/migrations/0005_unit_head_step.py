"""Step 1 of the review workflow becomes a UnitHeadApprovalTask: a unit head approves
only their own unit's review records."""

from django.db import migrations

WORKFLOW_NAME = "Duyệt phiếu rà soát"
STEP_NAME = "Trưởng đơn vị duyệt"
GROUP_NAME = "Trưởng đơn vị"


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    UnitHeadApprovalTask = apps.get_model("planning", "UnitHeadApprovalTask")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    ct, _ = ContentType.objects.get_or_create(app_label="planning", model="unitheadapprovaltask")
    task = UnitHeadApprovalTask.objects.filter(name=STEP_NAME).first()
    if task is None:
        task = UnitHeadApprovalTask.objects.create(name=STEP_NAME, active=True, content_type=ct)
    task.groups.set([Group.objects.get_or_create(name=GROUP_NAME)[0]])
    old = GroupApprovalTask.objects.filter(name=STEP_NAME).first()
    link = WorkflowTask.objects.filter(workflow=workflow, task_id=old.pk).first() if old else None
    if link is not None:
        link.task_id = task.pk
        link.save()
        old.active = False
        old.save()
    elif not WorkflowTask.objects.filter(workflow=workflow, task_id=task.pk).exists():
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)


class Migration(migrations.Migration):
    dependencies = [("planning", "0004_unit_head_task")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
