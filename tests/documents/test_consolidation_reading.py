"""Hợp nhất: reading real instruction sentences (taken from the corpus) without the database."""

import pytest

from regulations.documents.consolidation import instructions as ins
from regulations.documents.consolidation.quotes import parse_units, render, split_instruction
from regulations.documents.consolidation.reader import LawRef, laws_named, read
from regulations.documents.consolidation.targets import resolve, tokens
from regulations.documents.services.provisions import ProvisionData


def paths(phrase, context=()):
    return [ref.path for ref in resolve(tokens(phrase), context)]


def ops(text, context=()):
    parsed = ins.read_instruction(text, context)
    return [(op.action, op.path, op.anchor) for op in parsed.operations]


@pytest.mark.parametrize(
    "phrase, expected",
    [
        (
            "Các khoản 4, 7, 8, 11 và 25 Điều 5",
            ["dieu-5/khoan-4", "dieu-5/khoan-7", "dieu-5/khoan-8", "dieu-5/khoan-11",
             "dieu-5/khoan-25"],
        ),
        ("điểm c khoản 1 và khoản 2 Điều 21", ["dieu-21/khoan-1/diem-c", "dieu-21/khoan-2"]),
        (
            "điểm a khoản 1, điểm a và điểm n khoản 3, điểm b khoản 4 Điều 12",
            ["dieu-12/khoan-1/diem-a", "dieu-12/khoan-3/diem-a", "dieu-12/khoan-3/diem-n",
             "dieu-12/khoan-4/diem-b"],
        ),
        ("Điều 12, Điều 15", ["dieu-12", "dieu-15"]),
        ("các điều 7a, 7b và 7c", ["dieu-7a", "dieu-7b", "dieu-7c"]),
        ("các khoản 1, khoản 1a và khoản 6 Điều 31",
         ["dieu-31/khoan-1", "dieu-31/khoan-1a", "dieu-31/khoan-6"]),
        ("từ điểm a đến điểm c khoản 2 Điều 5",
         ["dieu-5/khoan-2/diem-a", "dieu-5/khoan-2/diem-b", "dieu-5/khoan-2/diem-c"]),
        ("điểm đ1 khoản 1 Điều 5", ["dieu-5/khoan-1/diem-đ1"]),
    ],
)  # fmt: skip
def test_target_phrases_resolve_to_paths_with_the_shared_article(phrase, expected):
    assert paths(phrase) == expected


def test_a_target_without_its_article_takes_it_from_the_enclosing_instruction():
    assert paths("khoản 15a", context=[("dieu", "3")]) == ["dieu-3/khoan-15a"]


def test_several_targets_in_one_instruction_get_their_own_action_and_quoted_unit():
    parsed = ins.read_instruction(
        "Sửa đổi, bổ sung khoản 1; bổ sung khoản 7 và khoản 8 Điều 2 như sau:\n"
        "“1. Bảo hiểm y tế là hình thức bảo hiểm bắt buộc.”\n"
        "“7. Hộ gia đình tham gia bảo hiểm y tế.\n"
        "8. Gói dịch vụ y tế cơ bản do quỹ bảo hiểm y tế chi trả.”"
    )
    got = [(op.action, op.path, op.unit.number, op.unit.text[:20]) for op in parsed.operations]
    assert got == [
        ("replace", "dieu-2/khoan-1", "1", "Bảo hiểm y tế là hìn"),
        ("insert", "dieu-2/khoan-7", "7", "Hộ gia đình tham gia"),
        ("insert", "dieu-2/khoan-8", "8", "Gói dịch vụ y tế cơ "),
    ]


def test_a_whole_article_replacement_carries_the_quoted_article_with_its_units():
    parsed = ins.read_instruction(
        "Điều 10 được sửa đổi, bổ sung như sau:\n"
        "“Điều 10. Quyền của người lao động\n1. Được làm việc.\n2. Được trả lương:\n"
        "a) đúng hạn;\nb) đầy đủ.”"
    )
    (op,) = parsed.operations
    assert (op.action, op.path, op.unit.title) == ("replace", "dieu-10", "Quyền của người lao động")
    assert [(c.number, len(c.children)) for c in op.unit.children] == [("1", 0), ("2", 2)]


def test_target_first_lists_are_replacements():
    assert ops(
        "Các khoản 1, 9 và 23 Điều 5 được sửa đổi, bổ sung như sau:\n“1. a\n9. b\n23. c”"
    ) == [
        ("replace", "dieu-5/khoan-1", ""),
        ("replace", "dieu-5/khoan-9", ""),
        ("replace", "dieu-5/khoan-23", ""),
    ]


def test_insertions_name_their_anchor_and_chain_one_after_another():
    assert ops("Bổ sung Điều 10a vào sau Điều 10 như sau:\n“Điều 10a. Mới”") == [
        ("insert", "dieu-10a", "dieu-10")
    ]
    assert ops(
        "Bổ sung các điều 7a, 7b và 7c vào sau Điều 7 như sau:\n"
        "“Điều 7a. A\nĐiều 7b. B\nĐiều 7c. C”"
    ) == [
        ("insert", "dieu-7a", "dieu-7"),
        ("insert", "dieu-7b", "dieu-7a"),
        ("insert", "dieu-7c", "dieu-7b"),
    ]
    assert ops("Bổ sung khoản 3a vào sau khoản 3 Điều 13 như sau:\n“3a. Q.”") == [
        ("insert", "dieu-13/khoan-3a", "dieu-13/khoan-3")
    ]
    assert ops("Bổ sung điểm đ và điểm e vào khoản 1 Điều 13 như sau:\n“đ) x;\ne) y.”") == [
        ("insert", "dieu-13/khoan-1/diem-đ", ""),
        ("insert", "dieu-13/khoan-1/diem-e", ""),
    ]


def test_repeals_list_every_unit():
    assert ops("Bãi bỏ khoản 3 Điều 7.") == [("repeal", "dieu-7/khoan-3", "")]
    assert ops("Bãi bỏ Điều 12, Điều 15.") == [("repeal", "dieu-12", ""), ("repeal", "dieu-15", "")]


def test_word_replacements_name_the_phrases_and_every_unit():
    parsed = ins.read_instruction(
        "Thay thế cụm từ “phân loại” bằng cụm từ “xếp loại chất lượng” tại khoản 4 Điều 5 "
        "và Điều 64;"
    )
    assert [(o.action, o.path, o.old, o.new) for o in parsed.operations] == [
        ("replace_words", "dieu-5/khoan-4", "phân loại", "xếp loại chất lượng"),
        ("replace_words", "dieu-64", "phân loại", "xếp loại chất lượng"),
    ]
    parsed = ins.read_instruction("Bỏ cụm từ “và đơn vị sự nghiệp công lập” tại khoản 6 Điều 66;")
    assert [(o.action, o.path, o.old, o.new) for o in parsed.operations] == [
        ("remove_words", "dieu-66/khoan-6", "và đơn vị sự nghiệp công lập", "")
    ]


def test_a_word_replacement_in_the_whole_law_targets_the_whole_document():
    parsed = ins.read_instruction(
        "Trong Luật thi hành án dân sự số 26/2008/QH12, cụm từ “Tòa án cấp tỉnh” được thay bằng "
        "cụm từ “Tòa án nhân dân tỉnh, thành phố trực thuộc trung ương”;"
    )
    assert [(o.action, o.path, o.old) for o in parsed.operations] == [
        ("replace_words", "", "Tòa án cấp tỉnh")
    ]


def test_a_title_change_and_clauses_of_the_same_article():
    parsed = ins.read_instruction(
        "Sửa đổi, bổ sung tên điều và khoản 1 Điều 206 như sau:\n"
        "“Điều 206. Tội vi phạm quy định về hoạt động ngân hàng\n1. Người nào:\na) x;\nb) y.”"
    )
    got = [(o.path, o.part, o.new) for o in parsed.operations]
    assert got == [
        ("dieu-206", "title", "Tội vi phạm quy định về hoạt động ngân hàng"),
        ("dieu-206/khoan-1", "", ""),
    ]


def test_quoted_units_read_back_to_the_quoted_text():
    split = split_instruction(
        "Sửa đổi, bổ sung khoản 3 và khoản 5 Điều 16 như sau:\n"
        "“3. Thời điểm thẻ bảo hiểm y tế có giá trị sử dụng được quy định như sau:\n"
        "a) Lần đầu;\nb) Liên tục.”\n“5. Tổ chức bảo hiểm y tế ban hành mẫu thẻ.”"
    )
    assert split.instruction == "Sửa đổi, bổ sung khoản 3 và khoản 5 Điều 16 như sau:"
    units = parse_units(split.quoted)
    assert [u.number for u in units] == ["3", "5"]
    assert render(units) == "\n".join(split.quoted)


def test_the_amended_law_is_named_in_the_preamble_and_per_grouping_article():
    assert laws_named(
        "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức số "
        "22/2008/QH12 và Luật Viên chức số 58/2010/QH12."
    ) == [
        LawRef("Luật Cán bộ, công chức", "22/2008/QH12"),
        LawRef("Luật Viên chức", "58/2010/QH12"),
    ]
    rows = [
        ProvisionData("mo_dau", "", "", "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của "
                      "Luật Cán bộ, công chức số 22/2008/QH12 và Luật Viên chức số 58/2010/QH12."),
        ProvisionData("dieu", "1", "Sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức"),
        ProvisionData("khoan", "1", "", "Bãi bỏ điểm c khoản 1 Điều 32."),
        ProvisionData("dieu", "2", "Sửa đổi, bổ sung một số điều của Luật Viên chức"),
        ProvisionData("khoan", "1", "", "Sửa đổi, bổ sung một số khoản của Điều 9 như sau:"),
        ProvisionData("diem", "a", "", "Bãi bỏ khoản 3;"),
        ProvisionData("dieu", "3", "Hiệu lực thi hành", "Luật này có hiệu lực từ ngày 01/7/2020."),
    ]  # fmt: skip
    reading = read(rows)
    assert [g.law.number for g in reading.groups] == ["22/2008/QH12", "58/2010/QH12"]
    assert [(i.source, i.operations[0].path) for i in reading.for_base("58/2010/QH12")] == [
        ("dieu-2/khoan-1/diem-a", "dieu-9/khoan-3")
    ]


def test_a_target_in_another_law_is_flagged():
    rows = [
        ProvisionData("dieu", "1", "", "Sửa đổi, bổ sung một số điều của Luật thuế thu nhập "
                      "doanh nghiệp số 14/2008/QH12:"),
        ProvisionData("khoan", "1", "", "Sửa đổi, bổ sung khoản 3 Điều 2 Luật số 32/2013/QH13 "
                      "như sau:\n“3. Mới.”"),
    ]  # fmt: skip
    (instruction,) = read(rows).for_base("14/2008/QH12")
    assert instruction.operations[0].error == "other_law"


def test_an_insertion_before_a_unit_is_anchored_before_it():
    parsed = ins.read_instruction(
        "Bổ sung Điều 98h vào Chương VIII và vào trước Điều 99 như sau:\n“Điều 98h. Nội dung”"
    )
    assert [(o.path, o.anchor, o.before) for o in parsed.operations] == [
        ("dieu-98h", "dieu-99", True)
    ]


def test_a_phrase_is_found_whatever_the_tone_placement():
    from regulations.documents.services.wording import swap_words

    assert swap_words("Uỷ ban nhân dân và hoà giải", "Ủy ban nhân dân", "UBND") == (
        "UBND và hoà giải",
        1,
    )
    # The new phrase holds the old one: units that already read the new phrase stay.
    assert swap_words("luật sư Việt Nam; luật sư", "luật sư", "luật sư Việt Nam") == (
        "luật sư Việt Nam; luật sư Việt Nam",
        1,
    )


def test_a_law_named_without_its_number_keeps_its_date():
    rows = [
        ProvisionData("dieu", "1", "", "Sửa đổi, bổ sung một số điều của Luật Di sản văn hóa "
                      "ngày 29 tháng 6 năm 2001:"),
        ProvisionData("khoan", "1", "", "Bãi bỏ khoản 3 Điều 7."),
    ]  # fmt: skip
    (group,) = read(rows).groups
    assert group.law == LawRef("Luật Di sản văn hóa", "", "2001-06-29")


def test_a_quotation_the_importer_cut_off_gets_its_paragraphs_back():
    rows = [
        ProvisionData("dieu", "1", "", "Sửa đổi, bổ sung một số điều của Luật số 50/2005/QH11:"),
        ProvisionData("khoan", "74", "", "Bổ sung Điều 191a, 191b vào sau Điều 191 như sau:\n"
                      "“Điều 191a. Nghĩa vụ\nNội dung.”.\nĐiều 191b. Quyền của Nhà nước"),
        ProvisionData("khoan", "1", "", "Nhà nước thông báo trong các trường hợp sau đây:"),
        ProvisionData("diem", "a", "", "không thực hiện nghĩa vụ;"),
        ProvisionData("khoan", "2", "", "Chính phủ quy định chi tiết Điều này.”."),
        ProvisionData("khoan", "75", "", "Bãi bỏ Điều 195."),
    ]  # fmt: skip
    instructions = read(rows).instructions
    assert [i.source for i in instructions] == ["dieu-1/khoan-74", "dieu-1/khoan-75"]
    article = instructions[0].operations[1].unit
    assert (article.number, [c.number for c in article.children]) == ("191b", ["1", "2"])
    assert article.children[0].children[0].text == "không thực hiện nghĩa vụ;"
