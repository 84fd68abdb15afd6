"""Seed the national public-service portal's dossier statuses 1..10 (editable data)."""

from django.db import migrations

STATUSES = [
    (1, "Mới đăng ký", "cho_tiep_nhan"),
    (2, "Được tiếp nhận", "dang_giai_quyet"),
    (3, "Không được tiếp nhận", "ket_thuc"),
    (4, "Đang xử lý", "dang_giai_quyet"),
    (5, "Yêu cầu bổ sung giấy tờ", "dang_giai_quyet"),
    (6, "Yêu cầu thực hiện nghĩa vụ tài chính", "dang_giai_quyet"),
    (7, "Công dân yêu cầu rút hồ sơ", "ket_thuc"),
    (8, "Dừng xử lý", "ket_thuc"),
    (9, "Đã xử lý xong", "da_co_ket_qua"),
    (10, "Đã trả kết quả", "da_co_ket_qua"),
]


def seed(apps, schema_editor):
    status_model = apps.get_model("dossiers", "DossierStatus")
    for code, name, stage in STATUSES:
        status_model.objects.get_or_create(code=code, defaults={"name": name, "stage": stage})


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
