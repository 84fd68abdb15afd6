"""Apology letters: proposal, confirmation, numbering, second miss, .docx."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from regulations.dossiers.models import ApologyLetter, AppointmentChange
from regulations.dossiers.services.letter_docx import letter_document
from regulations.dossiers.services.letters import confirm_letter, propose_letter
from regulations.dossiers.services.records import change_status
from regulations.wordio.blocks import document_bytes

from .factories import at, make_dossier, make_procedure, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier():
    procedure = make_procedure()
    staff("truong_don_vi", procedure.handling_unit, position="Trưởng phòng Bưu chính, Viễn thông")
    d = make_dossier(procedure, "000.00.26.H29-170042", at(2017, 3, 6, 9))  # due 9/3/2017
    change_status(d, 4)
    return d


def text_of(doc):
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def test_proposal_is_prefilled_from_the_dossier_signer_unit_head_without_leadership(dossier):
    proposal = propose_letter(dossier, today=date(2017, 3, 13))
    assert "thẩm định" in proposal.reason  # status 4 "Đang xử lý"
    # 3 working days after Monday 13/3 → Thursday 16/3.
    assert proposal.new_appointment_date == date(2017, 3, 16)
    assert proposal.signer_title == "Trưởng phòng Bưu chính, Viễn thông"
    assert proposal.signer_name
    assert proposal.issued_on == date(2017, 3, 13)


def test_confirm_numbers_records_and_moves_the_appointment(dossier):
    officer = staff("mot_cua", dossier.unit)
    letter = confirm_letter(
        dossier,
        officer,
        "Cần xác minh",
        date(2017, 3, 16),
        "Phạm Đức",
        "Trưởng phòng",
        issued_on=date(2017, 3, 13),
    )
    assert letter.number_symbol == "1/PXL-STTTT"
    assert (letter.created_by, letter.original_appointment_date) == (officer, date(2017, 3, 9))
    dossier.refresh_from_db()
    assert dossier.appointment_date == date(2017, 3, 16)
    assert dossier.due_date == date(2017, 3, 9)  # lateness still measured on the due date
    assert dossier.letters_count == 1
    assert dossier.is_late(today=date(2017, 3, 14))
    assert not dossier.needs_letter(today=date(2017, 3, 14))
    change = AppointmentChange.objects.get(dossier=dossier)
    assert (change.kind, change.letter, change.changed_by) == ("hen_lai", letter, officer)


def test_a_second_miss_produces_a_second_letter(dossier):
    confirm_letter(
        dossier, None, "Lần 1", date(2017, 3, 16), "A", "Trưởng phòng", issued_on=date(2017, 3, 13)
    )
    dossier.refresh_from_db()
    assert dossier.needs_letter(today=date(2017, 3, 17))  # missed the new date too
    proposal = propose_letter(dossier, today=date(2017, 3, 17))
    second = confirm_letter(
        dossier,
        None,
        proposal.reason,
        proposal.new_appointment_date,
        "A",
        "Trưởng phòng",
        issued_on=date(2017, 3, 17),
    )
    assert second.number == 2 and second.original_appointment_date == date(2017, 3, 16)
    dossier.refresh_from_db()
    assert dossier.letters_count == 2 and dossier.appointment_date == date(2017, 3, 22)


def test_numbers_restart_each_year(dossier):
    confirm_letter(dossier, None, "x", date(2017, 12, 29), "A", "B", issued_on=date(2017, 12, 27))
    dossier.refresh_from_db()
    letter = confirm_letter(
        dossier, None, "y", date(2018, 1, 5), "A", "B", issued_on=date(2018, 1, 2)
    )
    assert (letter.year, letter.number) == (2018, 1)


def test_invalid_confirmation_writes_nothing_and_keeps_the_number(dossier):
    with pytest.raises(ValidationError) as exc:
        confirm_letter(dossier, None, "", date(2017, 3, 8), "", "", issued_on=date(2017, 3, 13))
    assert {"reason", "signer_name", "new_appointment_date"} <= set(exc.value.message_dict)
    assert not ApologyLetter.objects.exists() and not AppointmentChange.objects.exists()
    letter = confirm_letter(
        dossier, None, "x", date(2017, 3, 20), "A", "B", issued_on=date(2017, 3, 13)
    )
    assert letter.number == 1


def test_finished_late_dossier_is_reappointed_to_its_completion_date(dossier):
    change_status(dossier, 10, at=at(2017, 3, 14, 10))
    assert dossier.needs_letter()
    proposal = propose_letter(dossier, today=date(2017, 3, 15))
    assert proposal.new_appointment_date == date(2017, 3, 14)
    confirm_letter(dossier, None, proposal.reason, proposal.new_appointment_date, "A", "B")
    dossier.refresh_from_db()
    assert dossier.is_late() and not dossier.needs_letter()


def test_docx_opens_with_python_docx_and_contains_the_fields(dossier):
    dossier.procedure.name = "Cấp giấy phép bưu chính"
    dossier.procedure.save()
    letter = confirm_letter(
        dossier,
        None,
        "Cần xác minh thêm thông tin",
        date(2017, 3, 16),
        "Phạm Văn Đức",
        "Trưởng phòng",
        issued_on=date(2017, 3, 13),
    )
    doc = Document(io.BytesIO(document_bytes(letter_document(letter))))
    text = text_of(doc)
    for expected in [
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        "Số: 1/PXL-STTTT",
        "Hà Nội, ngày 13 tháng 3 năm 2017",
        "Kính gửi: Nguyễn Văn An",
        "Số 5 Láng Hạ, Hà Nội",
        "0912 345 678",
        "06/03/2017",  # received
        "Cấp giấy phép bưu chính",
        "000.00.26.H29-170042",
        "09/03/2017",  # original appointment
        "quá thời hạn",
        "Cần xác minh thêm thông tin",
        "xin lỗi",
        "16/03/2017",  # new appointment
        "TRƯỞNG PHÒNG",
        "Phạm Văn Đức",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]:
        assert expected in text, expected


def test_online_applicant_gets_the_letter_by_email(
    dossier, mailoutbox, django_capture_on_commit_callbacks
):
    dossier.method_kind = "truc_tuyen"
    dossier.save()
    with django_capture_on_commit_callbacks(execute=True):
        letter = confirm_letter(
            dossier, None, "Cần xác minh", date(2017, 3, 16), "A", "B", issued_on=date(2017, 3, 13)
        )
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["an@example.vn"] and dossier.code in mail.subject
    assert "16/03/2017" in mail.body
    name, content, mimetype = mail.attachments[0]
    assert name.endswith(".docx") and content[:2] == b"PK" and letter.number == 1


def test_in_person_applicant_gets_no_email(dossier, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        confirm_letter(dossier, None, "x", date(2017, 3, 16), "A", "B", issued_on=date(2017, 3, 13))
    assert mailoutbox == []


@pytest.fixture
def deputy(dossier):
    from .factories import UnitFactory

    user = staff("lanh_dao", UnitFactory(name="Ban Giám đốc"), position="Phó Giám đốc")
    user.last_name, user.first_name = "Nguyễn Văn", "Hùng"
    user.save()
    return user


def test_the_proposed_signer_is_the_leadership_with_the_full_name(dossier, deputy):
    proposal = propose_letter(dossier, today=date(2017, 3, 13))
    assert (proposal.signer_name, proposal.signer_title) == ("Nguyễn Văn Hùng", "Phó Giám đốc")


@pytest.mark.parametrize(
    "title, lines",
    [
        ("Phó Giám đốc", ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
        ("Giám đốc", ("", "GIÁM ĐỐC")),
        ("KT. Giám đốc\nPhó Giám đốc", ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
        ("Chánh Văn phòng", ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG")),
    ],
)
def test_signature_block_names_the_authority_a_deputy_signs_for(title, lines):
    from regulations.dossiers.services.signers import signature_lines

    assert signature_lines(title) == lines


def test_the_officer_drafts_and_only_the_leadership_signs(dossier, deputy):
    from django.core.exceptions import PermissionDenied

    from regulations.dossiers.services.letters import draft_letter, sign_letter

    officer = staff("mot_cua", dossier.unit)
    letter = draft_letter(
        dossier, officer, "Cần xác minh", date(2099, 1, 5), "Nguyễn Văn Hùng", "Phó Giám đốc"
    )
    dossier.refresh_from_db()
    assert (letter.state, letter.number) == ("cho_ky", None)
    assert dossier.appointment_date == date(2017, 3, 9) and dossier.letters_count == 0
    with pytest.raises(PermissionDenied):
        sign_letter(letter, officer)
    signed = sign_letter(letter, deputy)
    dossier.refresh_from_db()
    assert signed.state == "da_ky" and signed.number == 1 and signed.signed_by == deputy
    assert (signed.signer_name, signed.signer_title) == ("Nguyễn Văn Hùng", "Phó Giám đốc")
    assert dossier.appointment_date == date(2099, 1, 5) and dossier.letters_count == 1
    text = text_of(Document(io.BytesIO(document_bytes(letter_document(signed)))))
    assert "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in text and "Nguyễn Văn Hùng" in text


def test_a_returned_letter_goes_back_to_draft_and_can_be_resubmitted(dossier, deputy):
    from regulations.dossiers.services.letters import draft_letter, return_letter, submit_letter

    officer = staff("mot_cua", dossier.unit)
    letter = draft_letter(dossier, officer, "x", date(2099, 1, 5), "A", "B")
    return_letter(letter, deputy, "Ghi rõ lý do")
    letter.refresh_from_db()
    assert (letter.state, letter.return_note) == ("du_thao", "Ghi rõ lý do")
    with pytest.raises(ValidationError):  # one unsigned letter per dossier
        draft_letter(dossier, officer, "y", date(2099, 1, 6), "A", "B")
    submit_letter(letter, officer)
    letter.refresh_from_db()
    assert letter.state == "cho_ky"


def test_an_unsigned_letter_is_not_shown_to_the_applicant_nor_emailed(
    dossier, mailoutbox, django_capture_on_commit_callbacks
):
    from regulations.dossiers.services.letters import draft_letter
    from regulations.dossiers.views.public import lookup_result

    dossier.method_kind = "truc_tuyen"
    dossier.save()
    with django_capture_on_commit_callbacks(execute=True):
        draft_letter(dossier, None, "x", date(2099, 1, 5), "A", "B")
    assert mailoutbox == []
    assert lookup_result(dossier)["letters"] == []
