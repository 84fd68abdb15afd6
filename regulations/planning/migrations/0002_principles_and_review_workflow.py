"""The plan's five review principles (data) and the review-record approval workflow:
unit head → legal officer → leadership, one GroupApprovalTask per role group."""

from django.db import migrations

PRINCIPLES = [
    ("dung-phap-luat", "Đúng pháp luật"),
    ("don-gian-hoa", "Đơn giản hóa"),
    ("minh-bach", "Minh bạch"),
    ("rut-ngan-thoi-gian", "Rút ngắn thời gian giải quyết"),
    ("tao-su-chu-dong", "Tạo sự chủ động cho các phòng, đơn vị và cá nhân"),
]

WORKFLOW_NAME = "Duyệt phiếu rà soát"
# (task name, role group name) — group names are the Role labels (organisation.roles).
STEPS = [
    ("Trưởng đơn vị duyệt", "Trưởng đơn vị"),
    ("Pháp chế thẩm định", "Cán bộ pháp chế"),
    ("Lãnh đạo Sở phê duyệt", "Lãnh đạo Sở"),
]


def forwards(apps, schema_editor):
    ReviewPrinciple = apps.get_model("planning", "ReviewPrinciple")
    for order, (code, name) in enumerate(PRINCIPLES, 1):
        ReviewPrinciple.objects.update_or_create(
            code=code, defaults={"name": name, "sort_order": order}
        )

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_ct, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    record_ct, _ = ContentType.objects.get_or_create(app_label="planning", model="reviewrecord")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for order, (task_name, group_name) in enumerate(STEPS):
        group, _ = Group.objects.get_or_create(name=group_name)
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(
                name=task_name, active=True, content_type=task_ct
            )
        task.groups.set([group])
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    WorkflowContentType.objects.update_or_create(
        content_type=record_ct, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
