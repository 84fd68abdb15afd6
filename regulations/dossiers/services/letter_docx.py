"""The apology letter as an official .docx (form: Phiếu xin lỗi và hẹn lại ngày trả kết quả)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from cms.pages.models import AgencySettings
from regulations.wordio.blocks import (
    add_body_paragraph,
    add_header_block,
    add_recipients_and_signature,
    add_title,
    new_official_document,
)
from vietnamese.dates import short_date

from ..models import ApologyLetter
from .signers import signature_lines

TITLE = "Phiếu xin lỗi và hẹn lại ngày trả kết quả"


def issuer_names() -> tuple[str, str]:
    """(parent body, issuing body) from the site's agency settings, else the demo agency."""
    parent, name = "UBND thành phố Hà Nội", "Sở Thông tin và Truyền thông"
    try:
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            agency = AgencySettings.for_site(site)
            parent = agency.parent_name or parent
            name = agency.name or name
    except Exception:  # noqa: BLE001 - settings are optional; the letter still prints
        pass
    return parent, name


def letter_document(letter: ApologyLetter):
    dossier = letter.dossier
    procedure = dossier.procedure
    parent, issuer = issuer_names()
    place = getattr(settings, "DOSSIER_LETTER_PLACE", "Hà Nội")
    doc = new_official_document()
    add_header_block(doc, parent, issuer, letter.number_symbol, place, letter.issued_on)
    add_title(doc, TITLE)
    field = str(procedure.legal_field) if procedure.legal_field_id else ""
    lines = [
        f"Kính gửi: {letter.addressee_name}",
        f"Địa chỉ: {letter.addressee_address or '…'}",
        f"Số điện thoại: {letter.addressee_phone or '…'}",
    ]
    for line in lines:
        add_body_paragraph(doc, line, indent=False)
    add_body_paragraph(
        doc,
        f"{issuer} nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục “{procedure.name}” "
        f"ngày {short_date(timezone.localtime(dossier.received_at))}"
        + (f", thuộc lĩnh vực {field}" if field else "")
        + ".",
    )
    add_body_paragraph(doc, f"Mã hồ sơ: {dossier.code}.")
    add_body_paragraph(
        doc,
        f"Ngày hẹn trả kết quả giải quyết hồ sơ: {short_date(letter.original_appointment_date)}.",
    )
    add_body_paragraph(
        doc, "Tuy nhiên đến nay, việc giải quyết hồ sơ của Ông/Bà đã quá thời hạn trả kết quả."
    )
    add_body_paragraph(doc, f"Lý do: {letter.reason}")
    add_body_paragraph(
        doc,
        f"{issuer} xin lỗi Ông/Bà vì sự chậm trễ này và hẹn lại ngày trả kết quả là "
        f"ngày {short_date(letter.new_appointment_date)}.",
    )
    add_body_paragraph(doc, "Mong nhận được sự thông cảm của Ông/Bà.")
    authority, title = signature_lines(letter.signer_title)
    add_recipients_and_signature(
        doc,
        ["Như trên;", "Bộ phận Một cửa;", "Lưu: VT."],
        title,
        letter.signer_name if letter.is_signed else f"{letter.signer_name} (dự thảo, chưa ký)",
        authority_prefix=authority or None,
    )
    return doc


def letter_filename(letter: ApologyLetter) -> str:
    number = letter.number if letter.number is not None else "du-thao"
    return f"phieu-xin-loi-{number}-{letter.year}-{letter.dossier.code}.docx"
