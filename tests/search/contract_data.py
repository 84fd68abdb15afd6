"""Items for the ranking contract (contract_ranking.py): shaped like the real ones."""

from datetime import date

from .contract_items import item

RULES = "document:50"
RULES_NUMBER = "125/QĐ-STTTT"
RULES_HEADS = [
    "Phạm vi điều chỉnh",
    "Đối tượng áp dụng",
    "Nguyên tắc làm việc",
    "Chế độ họp",
    "Chế độ báo cáo",
    "Quan hệ công tác",
    "Trách nhiệm của Giám đốc",
    "Trách nhiệm của Phó Giám đốc",
    "Trách nhiệm của trưởng phòng",
    "Chế độ thông tin",
    "Khen thưởng",
    "Điều khoản thi hành",
]


def working_rules():
    """ "Quy chế làm việc" and its 12 articles, each of which repeats the words."""
    document = item(
        RULES,
        "Quy chế làm việc",
        "Ban hành kèm theo Quyết định của Giám đốc Sở.",
        kind="document",
        number=RULES_NUMBER,
        date=date(2017, 5, 2),
    )
    provisions = [
        item(
            f"provision:5{i:02d}",
            f"Điều {i}. {head} – Quy chế làm việc",
            f"{head}. Quy chế làm việc này quy định {head.lower()} của Sở; cán bộ, công chức"
            " làm việc theo quy chế làm việc.",
            number=RULES_NUMBER,
            parent=RULES,
            date=date(2017, 5, 2),
        )
        for i, head in enumerate(RULES_HEADS, 1)
    ]
    marks = item(
        "report:marks", "Báo cáo tháng", "Quyết định này quy định chi tiết.", kind="report"
    )
    return [document, *provisions, marks]


CHILDREN_LAW = "document:60"


def children_laws():
    """Luật Trẻ em, whose provisions all carry its name, and an older law on children."""
    law = item(
        CHILDREN_LAW,
        "Luật Trẻ em",
        "Luật này quy định về quyền, bổn phận của trẻ em.",
        kind="document",
        number="102/2016/QH13",
    )
    heads = ["Trẻ em", "Phạm vi điều chỉnh", "Đối tượng áp dụng", "Giải thích từ ngữ"]
    provisions = [
        item(
            f"provision:6{i:02d}",
            f"Điều {i}. {head} – Luật Trẻ em",
            f"{head}. Trẻ em là người dưới 16 tuổi; quyền của trẻ em được bảo đảm.",
            number="102/2016/QH13",
            parent=CHILDREN_LAW,
        )
        for i, head in enumerate(heads * 3, 1)
    ]
    older = item(
        "document:61",
        "Luật Bảo vệ, chăm sóc và giáo dục trẻ em",
        "Luật này quy định quyền của trẻ em.",
        kind="document",
        number="25/2004/QH11",
        in_force=False,
    )
    older_provisions = [
        item(
            f"provision:69{i}",
            f"Điều {i}. Trẻ em – Luật Bảo vệ, chăm sóc và giáo dục trẻ em",
            "Trẻ em là công dân Việt Nam dưới mười sáu tuổi; luật trẻ em.",
            number="25/2004/QH11",
            parent="document:61",
            in_force=False,
        )
        for i in range(1, 4)
    ]
    return [law, *provisions, older, *older_provisions]


FILLER = "Các đơn vị thực hiện nghiêm túc nội dung kế hoạch năm, báo cáo kết quả hằng tháng. " * 4


def phrase_items():
    return [
        item(
            "report:phrase",
            "Báo cáo năm",
            "Ban hành và thực hiện chế độ bảo mật thông tin của cơ quan nhà nước các cấp.",
            kind="report",
        ),
        item(
            "report:scattered",
            "Báo cáo quý",
            "Thông tin về chế độ họp; bảo mật.",  # shorter: bm25 alone would prefer it
            kind="report",
        ),
        item(
            "report:late",
            "Báo cáo tháng",
            "Chế độ họp, thông tin nội bộ và bảo mật hồ sơ. "
            + FILLER
            + "Sở ban hành chế độ bảo mật thông tin mới.",
            kind="report",
        ),
    ]


def title_items():
    return [
        item(
            "report:body",
            "Báo cáo quý",
            "Kiểm định chất lượng; kiểm định chất lượng.",
            kind="report",
        ),
        item("report:title", "Kiểm định chất lượng công trình", "Báo cáo của Sở.", kind="report"),
    ]


GENERIC_STEPS = (
    "Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp tại Bộ phận Một cửa, qua"
    " dịch vụ bưu chính hoặc trực tuyến (nếu thủ tục có cách thức trực tuyến). Bước 2: Bộ phận"
    " Một cửa kiểm tra thành phần hồ sơ; hồ sơ đầy đủ thì cấp phiếu tiếp nhận và hẹn ngày trả"
    " kết quả. "
)


def licence_procedures():
    """Two procedures whose bodies open with the same generic steps."""
    return [
        item(
            "procedure:press",
            "Cấp giấy phép xuất bản bản tin",
            GENERIC_STEPS + "Bước 3: Sở thẩm định và cấp giấy phép xuất bản bản tin.",
            kind="procedure",
        ),
        item(
            "procedure:print",
            "Cấp giấy phép hoạt động in",
            GENERIC_STEPS + "Bước 3: Sở thẩm định và cấp giấy phép hoạt động in cho cơ sở in.",
            kind="procedure",
        ),
    ]


AMENDING_LAW = "document:70"
# The title of Luật số 56/2024/QH15: 55 syllables.
AMENDING_TITLE = (
    "Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, Luật Kiểm toán"
    " độc lập, Luật Ngân sách nhà nước, Luật Quản lý, sử dụng tài sản công, Luật Quản lý thuế,"
    " Luật Thuế thu nhập cá nhân, Luật Dự trữ quốc gia, Luật Xử lý vi phạm hành chính"
)


def amending_law():
    return [
        item(
            AMENDING_LAW,
            AMENDING_TITLE,
            "Luật này có hiệu lực.",
            kind="document",
            number="56/2024/QH15",
        ),
        item(
            "provision:700",
            f"Điều 1. Sửa đổi, bổ sung một số điều của Luật Chứng khoán – {AMENDING_TITLE}",
            "Sửa đổi, bổ sung một số điều của Luật Chứng khoán số 54/2019/QH14.",
            number="56/2024/QH15",
            parent=AMENDING_LAW,
        ),
        item("document:71", "Luật Kế toán", "Luật này quy định về kế toán.", kind="document"),
        item(
            "document:72",
            "Luật Quản lý thuế",
            "Quản lý thuế; thuế thu nhập cá nhân.",
            kind="document",
        ),
        item(
            "document:73",
            "Luật sửa đổi, bổ sung một số điều của Luật Kế toán",
            "Sửa đổi, bổ sung một số điều của Luật Kế toán và Luật Kiểm toán độc lập.",
            kind="document",
        ),
    ]


NAMED = "document:named"


def named_and_mentioning():
    """A document the query names, and a longer one whose title and body mention it."""
    return [
        item(
            NAMED,
            "Quy chế làm việc của Sở Thông tin và Truyền thông",
            "Giám đốc Sở",
            kind="document",
            number="125/QĐ-STTTT",
        ),
        item(
            "document:mentions",
            "Quyết định sửa đổi, bổ sung một số điều của Quy chế làm việc của Sở Thông tin"
            " và Truyền thông",
            "Sửa đổi khoản 2 Điều 5 và Điều 10 của Quy chế làm việc.",
            kind="document",
            number="412/QĐ-STTTT",
        ),
    ]
