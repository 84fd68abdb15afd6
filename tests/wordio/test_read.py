"""Reading stage: automatic numbering, tracked changes, text boxes, line breaks, tables."""

from regulations.wordio.blocks import new_official_document
from regulations.wordio.importer.read import read_blocks

from .builders import add_numbering, line_break, numbered, text_box, to_bytes, tracked


def test_automatic_numbering_is_resolved_to_the_visible_label():
    doc = new_official_document()
    num = add_numbering(doc, [("decimal", "Điều %1."), ("decimal", "%2."), ("lowerLetter", "%3)")])
    numbered(doc, "Phạm vi", num, 0, bold=True)
    numbered(doc, "Khoản đầu", num, 1)
    numbered(doc, "Điểm đầu", num, 2)
    numbered(doc, "Điểm sau", num, 2)
    numbered(doc, "Khoản sau", num, 1)
    numbered(doc, "Đối tượng", num, 0, bold=True)
    numbered(doc, "Khoản mới", num, 1)
    texts = [b.text for b in read_blocks(to_bytes(doc))]
    assert texts == [
        "Điều 1. Phạm vi",
        "1. Khoản đầu",
        "a) Điểm đầu",
        "b) Điểm sau",
        "2. Khoản sau",
        "Điều 2. Đối tượng",
        "1. Khoản mới",
    ]


def test_roman_headings_from_numbering():
    doc = new_official_document()
    num = add_numbering(doc, [("upperRoman", "%1."), ("decimal", "%2.")])
    numbered(doc, "MỤC ĐÍCH", num, 0)
    numbered(doc, "NHIỆM VỤ", num, 0)
    numbered(doc, "Rà soát", num, 1)
    assert [b.text for b in read_blocks(to_bytes(doc))] == [
        "I. MỤC ĐÍCH",
        "II. NHIỆM VỤ",
        "1. Rà soát",
    ]


def test_tracked_changes_keep_insertions_and_drop_deletions():
    doc = new_official_document()
    tracked(doc, "Thời hạn là ", "05 ngày", "10 ngày", " làm việc.")
    [block] = read_blocks(to_bytes(doc))
    assert block.text == "Thời hạn là 05 ngày làm việc."


def test_text_box_text_follows_its_anchor_and_line_breaks_are_kept():
    doc = new_official_document()
    text_box(doc, "Đoạn neo", "Chữ trong hộp")
    line_break(doc, "Dòng một", "Dòng hai")
    blocks = read_blocks(to_bytes(doc))
    assert [(b.kind, b.text) for b in blocks] == [
        ("p", "Đoạn neo"),
        ("textbox", "Chữ trong hộp"),
        ("p", "Dòng một\nDòng hai"),
    ]


def test_tables_become_one_block_with_rows():
    doc = new_official_document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "A", "B"
    table.cell(1, 0).text, table.cell(1, 1).text = "C", "D"
    [block] = read_blocks(to_bytes(doc))
    assert block.kind == "table"
    assert block.rows == [["A", "B"], ["C", "D"]]
    assert block.text == "A | B\nC | D"
