"""Demo organisation: Sở Thông tin và Truyền thông Hà Nội and its units."""

from .models import Unit, UnitKind

DEPARTMENT = ("so-tttt", "Sở Thông tin và Truyền thông Hà Nội", "STTTT", UnitKind.DEPARTMENT)
UNITS = [
    ("ban-giam-doc", "Ban Giám đốc", "BGĐ", UnitKind.LEADERSHIP),
    ("van-phong", "Văn phòng Sở", "VP", UnitKind.OFFICE),
    ("thanh-tra", "Thanh tra Sở", "TTr", UnitKind.INSPECTORATE),
    ("ke-hoach-tai-chinh", "Phòng Kế hoạch - Tài chính", "KHTC", UnitKind.DIVISION),
    ("buu-chinh-vien-thong", "Phòng Bưu chính, Viễn thông", "BCVT", UnitKind.DIVISION),
    ("cong-nghe-thong-tin", "Phòng Công nghệ thông tin", "CNTT", UnitKind.DIVISION),
    ("bao-chi-xuat-ban", "Phòng Báo chí, Xuất bản", "BCXB", UnitKind.DIVISION),
    (
        "thong-tin-co-so",
        "Phòng Thông tin cơ sở và Thông tin điện tử",
        "TTCS",
        UnitKind.DIVISION,
    ),
    (
        "trung-tam-du-lieu",
        "Trung tâm Công nghệ thông tin và Dữ liệu",
        "TTDL",
        UnitKind.SERVICE_UNIT,
    ),
]


def load(out):
    code, name, short, kind = DEPARTMENT
    department, _ = Unit.objects.update_or_create(
        code=code, defaults={"name": name, "short_name": short, "kind": kind, "parent": None}
    )
    for order, (code, name, short, kind) in enumerate(UNITS, 1):
        Unit.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short,
                "kind": kind,
                "parent": department,
                "sort_order": order,
                "email": f"{code}@sotttt.hanoi.example",
            },
        )
    return f"{Unit.objects.count()} đơn vị"
