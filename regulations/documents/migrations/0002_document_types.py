"""Loại văn bản: the types every install needs (data, editable in the admin).

Normative types (Luật ban hành văn bản QPPL) and the administrative types of
Decree 30/2020/NĐ-CP, appendix III, with their abbreviations. Rows that already
exist (by name) are left as the administrator edited them.
"""

from django.db import migrations

# (name, abbreviation, default kind)
TYPES = [
    ("Hiến pháp", "", "qppl"),
    ("Bộ luật", "", "qppl"),
    ("Luật", "", "qppl"),
    ("Pháp lệnh", "", "qppl"),
    ("Lệnh", "L", "qppl"),
    ("Nghị định", "NĐ", "qppl"),
    ("Nghị quyết", "NQ", "qppl"),
    ("Nghị quyết liên tịch", "NQLT", "qppl"),
    ("Quyết định", "QĐ", "hanh_chinh"),
    ("Thông tư", "TT", "qppl"),
    ("Thông tư liên tịch", "TTLT", "qppl"),
    ("Chỉ thị", "CT", "hanh_chinh"),
    ("Quy chế", "QC", "noi_bo"),
    ("Quy định", "QyĐ", "noi_bo"),
    ("Quy trình", "", "noi_bo"),
    ("Thông cáo", "TC", "hanh_chinh"),
    ("Thông báo", "TB", "hanh_chinh"),
    ("Hướng dẫn", "HD", "hanh_chinh"),
    ("Chương trình", "CTr", "ke_hoach"),
    ("Kế hoạch", "KH", "ke_hoach"),
    ("Phương án", "PA", "ke_hoach"),
    ("Đề án", "ĐA", "ke_hoach"),
    ("Dự án", "DA", "ke_hoach"),
    ("Báo cáo", "BC", "hanh_chinh"),
    ("Biên bản", "BB", "hanh_chinh"),
    ("Tờ trình", "TTr", "hanh_chinh"),
    ("Hợp đồng", "HĐ", "hanh_chinh"),
    ("Công điện", "CĐ", "hanh_chinh"),
    ("Bản ghi nhớ", "GN", "hanh_chinh"),
    ("Bản thỏa thuận", "TTh", "hanh_chinh"),
    ("Giấy ủy quyền", "GUQ", "hanh_chinh"),
    ("Giấy mời", "GM", "hanh_chinh"),
    ("Giấy giới thiệu", "GGT", "hanh_chinh"),
    ("Giấy nghỉ phép", "GNP", "hanh_chinh"),
    ("Phiếu gửi", "PG", "hanh_chinh"),
    ("Phiếu chuyển", "PC", "hanh_chinh"),
    ("Phiếu báo", "PB", "hanh_chinh"),
    ("Công văn", "", "hanh_chinh"),
    ("Thư công", "", "hanh_chinh"),
]


def add_types(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    for order, (name, abbreviation, kind) in enumerate(TYPES, 1):
        DocumentType.objects.get_or_create(
            name=name,
            defaults={"abbreviation": abbreviation, "default_kind": kind, "sort_order": order * 10},
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(add_types, migrations.RunPython.noop)]
