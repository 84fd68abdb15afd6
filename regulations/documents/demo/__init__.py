"""Demo văn bản: the seed's chain (01/CT-UBND → 69/KH-UBND → 572/KH-STTTT, 359/QĐ-UBND),
the department's working rules (two versions) and spending rules, and a few laws.

Idempotent: documents by number/symbol and year, versions by date, relations by
their four keys; a text is rewritten only when it differs.
"""

from datetime import date

from django.utils.text import slugify

from . import demo_texts as texts
from .models import (
    DocumentKind,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocument,
    LegalField,
    LegalVersion,
    RelationType,
    Sector,
)
from .services.amend import amend
from .services.provisions import ProvisionData, replace_provisions

BODIES = [
    ("UBND", "Ủy ban nhân dân thành phố Hà Nội", "Hà Nội", ""),
    ("STTTT", "Sở Thông tin và Truyền thông Hà Nội", "Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
    ("CP", "Chính phủ", "Hà Nội", ""),
    ("QH", "Quốc hội", "Hà Nội", ""),
    ("TTg", "Thủ tướng Chính phủ", "Hà Nội", ""),
    ("BTTTT", "Bộ Thông tin và Truyền thông", "Hà Nội", ""),
    ("HĐND", "Hội đồng nhân dân thành phố Hà Nội", "Hà Nội", ""),
]
FIELDS = [
    "Báo chí",
    "Xuất bản",
    "Bưu chính",
    "Viễn thông",
    "Công nghệ thông tin",
    "Phát thanh, truyền hình",
    "Thông tin điện tử",
    "Cải cách hành chính",
    "Tài chính",
    "Tổ chức, hành chính",
]
SECTORS = ["Thông tin và Truyền thông", "Nội vụ"]


def _slug(text):
    return slugify(text.replace("Đ", "D").replace("đ", "d"))


def _document(number_symbol, type_name, issuer, **fields):
    """update_or_create on (number/symbol, year) through clean(), so the parts are parsed."""
    doc_type = DocumentType.objects.get(name=type_name)
    issued = fields.get("issued_date")
    doc = LegalDocument.objects.filter(
        number_symbol=number_symbol, year=issued.year
    ).first() or LegalDocument(number_symbol=number_symbol)
    created = doc.pk is None
    doc.document_type = doc_type
    doc.kind = fields.pop("kind", doc_type.default_kind)
    doc.issuing_body = IssuingBody.objects.get(code=issuer)
    tags = fields.pop("tags", [])
    for key, value in fields.items():
        setattr(doc, key, value)
    doc.live = True
    doc.full_clean(exclude=["slug"])
    doc.save()
    if tags:
        doc.tags.add(*tags)
        doc.save()
    if created:
        doc.save_revision().publish()
    return doc


def _text(document, effective_from, rows):
    version, _ = LegalVersion.objects.get_or_create(
        document=document, effective_from=effective_from
    )
    wanted = [(str(level), number, title, text) for level, number, title, text in rows]
    have = list(
        version.provisions.order_by("sort_order").values_list("level", "number", "title", "text")
    )
    if have != wanted:
        replace_provisions(version, [ProvisionData(*row) for row in wanted])
    return version


def _relate(source, relation_type, target, target_provision="", note=""):
    DocumentRelation.objects.get_or_create(
        source=source,
        relation_type=relation_type,
        target=target,
        target_provision=target_provision,
        defaults={"note": note},
    )


def load(out):
    for code, name, place, parent in BODIES:
        IssuingBody.objects.update_or_create(
            code=code, defaults={"name": name, "place": place, "parent_name": parent}
        )
    fields = {}
    for name in FIELDS:
        fields[name], _ = LegalField.objects.update_or_create(
            slug=_slug(name), defaults={"name": name}
        )
    sectors = {}
    for name in SECTORS:
        sectors[name], _ = Sector.objects.update_or_create(
            slug=_slug(name), defaults={"name": name}
        )
    ict = sectors["Thông tin và Truyền thông"]
    home_affairs = sectors["Nội vụ"]
    reform = fields["Cải cách hành chính"]

    # The seed's chain.
    decision_359 = _document(
        "359/QĐ-UBND",
        "Quyết định",
        "UBND",
        title="Quyết định phê duyệt kế hoạch đo lường sự hài lòng của người dân, tổ chức đối "
        "với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn thành phố Hà Nội năm 2017",
        summary="Đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan "
        "hành chính nhà nước thành phố Hà Nội năm 2017.",
        issued_date=date(2017, 1, 18),
        effective_date=date(2017, 1, 18),
        signer_title="Chủ tịch Ủy ban nhân dân Thành phố",
        sector=home_affairs,
        legal_field=reform,
        tags=["sự hài lòng", "kỷ cương hành chính"],
    )
    directive = _document(
        "01/CT-UBND",
        "Chỉ thị",
        "UBND",
        title="Chỉ thị về việc thực hiện chủ đề năm 2017 “Năm kỷ cương hành chính”",
        summary="Chủ đề năm 2017 của thành phố Hà Nội: “Năm kỷ cương hành chính”.",
        # The date is illustrative: the seed gives the year only.
        issued_date=date(2017, 1, 6),
        effective_date=date(2017, 1, 6),
        signer_name="Nguyễn Đức Chung",
        signer_title="Chủ tịch Ủy ban nhân dân Thành phố",
        sector=home_affairs,
        legal_field=reform,
        tags=["kỷ cương hành chính"],
    )
    plan_69 = _document(
        "69/KH-UBND",
        "Kế hoạch",
        "UBND",
        title="Kế hoạch siết chặt kỷ luật, kỷ cương hành chính, đổi mới lề lối làm việc năm 2017",
        summary="Siết chặt kỷ luật, kỷ cương hành chính; đổi mới lề lối, tác phong làm việc.",
        issued_date=date(2017, 3, 20),
        effective_date=date(2017, 3, 20),
        signer_title="KT. Chủ tịch – Phó Chủ tịch",
        sector=home_affairs,
        legal_field=reform,
        tags=["kỷ cương hành chính"],
    )
    plan_572 = _document(
        "572/KH-STTTT",
        "Kế hoạch",
        "STTTT",
        kind=DocumentKind.PLAN,
        title="Kế hoạch thực hiện chủ đề năm 2017 “Năm kỷ cương hành chính” của Sở Thông tin "
        "và Truyền thông",
        summary="Rà soát văn bản, thủ tục, quy chế; một đầu mối - một việc xuyên suốt; mười điều "
        "tâm niệm; khảo sát sự hài lòng; thư xin lỗi khi trả kết quả muộn.",
        issued_date=date(2017, 3, 31),
        effective_date=date(2017, 3, 31),
        signer_title="Giám đốc Sở",
        sector=ict,
        legal_field=reform,
        recipients="UBND Thành phố (để báo cáo); Ban Giám đốc Sở; các phòng, đơn vị thuộc Sở; "
        "lưu: VT, VP.",
        tags=["kỷ cương hành chính", "một cửa"],
    )
    _text(decision_359, date(2017, 1, 18), texts.DECISION_359)
    _text(directive, date(2017, 1, 6), texts.DIRECTIVE_01)
    _text(plan_69, date(2017, 3, 20), texts.PLAN_69)
    _text(plan_572, date(2017, 3, 31), texts.PLAN_572)
    _relate(plan_69, RelationType.BASED_ON, directive)
    _relate(plan_572, RelationType.BASED_ON, plan_69)
    _relate(plan_572, RelationType.BASED_ON, directive)
    _relate(plan_572, RelationType.REFERS_TO, decision_359, note="Khảo sát sự hài lòng (mục II.6)")

    # Internal rules.
    working_rules = _document(
        "125/QĐ-STTTT",
        "Quy chế",
        "STTTT",
        title="Quy chế làm việc của Sở Thông tin và Truyền thông thành phố Hà Nội",
        summary="Nguyên tắc, chế độ trách nhiệm, lề lối làm việc, quan hệ công tác và trình tự "
        "giải quyết công việc của Sở (ban hành kèm theo Quyết định số 125/QĐ-STTTT).",
        issued_date=date(2017, 2, 15),
        effective_date=date(2017, 2, 15),
        signer_title="Giám đốc Sở",
        sector=ict,
        legal_field=fields["Tổ chức, hành chính"],
        tags=["quy chế làm việc"],
    )
    _text(working_rules, date(2017, 2, 15), texts.WORKING_RULES)
    amending = _document(
        "412/QĐ-STTTT",
        "Quyết định",
        "STTTT",
        kind=DocumentKind.INTERNAL_RULE,
        title="Quyết định sửa đổi, bổ sung một số điều của Quy chế làm việc của Sở Thông tin "
        "và Truyền thông",
        summary="Sửa đổi khoản 2 Điều 5 (một đầu mối - một việc xuyên suốt) và Điều 10 (thư xin "
        "lỗi, khảo sát sự hài lòng) của Quy chế làm việc.",
        issued_date=date(2017, 6, 20),
        effective_date=date(2017, 7, 1),
        signer_title="Giám đốc Sở",
        sector=ict,
        legal_field=fields["Tổ chức, hành chính"],
        tags=["quy chế làm việc", "kỷ cương hành chính"],
    )
    _relate(amending, RelationType.BASED_ON, plan_572)
    if not LegalVersion.objects.filter(
        document=working_rules, effective_from=date(2017, 7, 1)
    ).exists():
        amend(working_rules, amending, date(2017, 7, 1), texts.WORKING_RULES_AMENDMENTS)

    spending_rules = _document(
        "126/QĐ-STTTT",
        "Quy chế",
        "STTTT",
        title="Quy chế chi tiêu nội bộ của Sở Thông tin và Truyền thông",
        summary="Các khoản chi, mức chi và việc quản lý, sử dụng kinh phí tự chủ của Sở.",
        issued_date=date(2017, 2, 20),
        effective_date=date(2017, 3, 1),
        signer_title="Giám đốc Sở",
        sector=ict,
        legal_field=fields["Tài chính"],
        tags=["chi tiêu nội bộ"],
    )
    _text(spending_rules, date(2017, 3, 1), texts.SPENDING_RULES)
    repealing = _document(
        "35/QĐ-STTTT",
        "Quyết định",
        "STTTT",
        kind=DocumentKind.INTERNAL_RULE,
        title="Quyết định bãi bỏ Điều 6 Quy chế chi tiêu nội bộ của Sở Thông tin và Truyền thông",
        summary="Bãi bỏ quy định khoán cước điện thoại di động.",
        issued_date=date(2018, 1, 15),
        effective_date=date(2018, 2, 1),
        signer_title="Giám đốc Sở",
        sector=ict,
        legal_field=fields["Tài chính"],
    )
    if not LegalVersion.objects.filter(
        document=spending_rules, effective_from=date(2018, 2, 1)
    ).exists():
        amend(spending_rules, repealing, date(2018, 2, 1), [{"path": "dieu-6", "action": "repeal"}])

    # Normative documents.
    press_law = _document(
        "103/2016/QH13",
        "Luật",
        "QH",
        title="Luật Báo chí",
        summary="Quyền tự do báo chí, tự do ngôn luận trên báo chí; tổ chức và hoạt động báo chí; "
        "quản lý nhà nước về báo chí.",
        issued_date=date(2016, 4, 5),
        effective_date=date(2017, 1, 1),
        signer_name="Nguyễn Thị Kim Ngân",
        signer_title="Chủ tịch Quốc hội",
        sector=ict,
        legal_field=fields["Báo chí"],
        tags=["báo chí"],
    )
    _text(press_law, date(2017, 1, 1), texts.PRESS_LAW)
    old_one_stop = _document(
        "09/2015/QĐ-TTg",
        "Quyết định",
        "TTg",
        kind=DocumentKind.NORMATIVE,
        title="Quyết định ban hành Quy chế thực hiện cơ chế một cửa, cơ chế một cửa liên thông "
        "tại cơ quan hành chính nhà nước ở địa phương",
        issued_date=date(2015, 3, 25),
        effective_date=date(2015, 5, 15),
        signer_title="Thủ tướng Chính phủ",
        sector=home_affairs,
        legal_field=reform,
        tags=["một cửa"],
    )
    _text(old_one_stop, date(2015, 5, 15), texts.ONE_STOP_2015)
    one_stop = _document(
        "61/2018/NĐ-CP",
        "Nghị định",
        "CP",
        title="Nghị định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ "
        "tục hành chính",
        issued_date=date(2018, 4, 23),
        effective_date=date(2018, 6, 21),
        signer_title="TM. Chính phủ – Thủ tướng",
        sector=home_affairs,
        legal_field=reform,
        tags=["một cửa"],
    )
    _text(one_stop, date(2018, 6, 21), texts.ONE_STOP_DECREE)
    _relate(one_stop, RelationType.REPLACES, old_one_stop)
    _relate(plan_572, RelationType.BASED_ON, old_one_stop)

    count = LegalDocument.objects.count()
    versions = LegalVersion.objects.count()
    return f"{count} văn bản, {versions} phiên bản, {IssuingBody.objects.count()} cơ quan ban hành"
