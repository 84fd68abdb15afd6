"""Demo organisation: Sở Thông tin và Truyền thông Hà Nội and its units (units.json)."""

from regulations.demofiles import read_json

from ..models import Unit


def load(out):
    data = read_json(__name__, "units.json")
    top = data["department"]
    department, _ = Unit.objects.update_or_create(
        code=top["code"],
        defaults={
            "name": top["name"],
            "short_name": top["short_name"],
            "kind": top["kind"],
            "parent": None,
        },
    )
    for order, unit in enumerate(data["units"], 1):
        Unit.objects.update_or_create(
            code=unit["code"],
            defaults={
                "name": unit["name"],
                "short_name": unit["short_name"],
                "kind": unit["kind"],
                "parent": department,
                "sort_order": order,
                "email": f"{unit['code']}@sotttt.hanoi.example",
            },
        )
    return f"{Unit.objects.count()} đơn vị"
