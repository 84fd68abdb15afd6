"""Bad input: a clear Vietnamese error per file and no rows left behind."""

import io
import zipfile

import pytest

from regulations.documents.models import LegalDocument, LegalVersion, Provision
from regulations.wordio.importer import import_file
from regulations.wordio.importer.safety import OLE2_MAGIC

from .builders import decision, to_bytes

pytestmark = pytest.mark.django_db


def _zip(entries, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _minimal(document_xml=b"<w:document/>", extra=None) -> dict:
    entries = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
        "word/document.xml": document_xml,
    }
    entries.update(extra or {})
    return entries


def _refused(data: bytes, *words) -> str:
    before = (
        LegalDocument.objects.count(),
        LegalVersion.objects.count(),
        Provision.objects.count(),
    )
    report = import_file(data, "bad.docx")
    assert report.status == "error"
    assert report.id is None
    for word in words:
        assert word in report.error, report.error
    after = (LegalDocument.objects.count(), LegalVersion.objects.count(), Provision.objects.count())
    assert before == after
    return report.error


def test_old_doc_renamed_is_refused_naming_doc_and_encryption():
    error = _refused(OLE2_MAGIC + b"\x00" * 600, ".doc")
    assert "mật khẩu" in error  # encrypted .docx files are OLE2 containers too


def test_encrypted_docx_ole_container_is_refused():
    # An "EncryptedPackage" stream lives inside an OLE2 compound file.
    _refused(OLE2_MAGIC + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le"), "mã hóa")


@pytest.mark.parametrize(
    "head,kind",
    [(b"%PDF-1.7\n", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff\xe0", "JPEG")],
)
def test_renamed_pdf_and_images_are_refused(head, kind):
    _refused(head + b"\x00" * 200, kind)


def test_plain_text_is_refused():
    _refused("Điều 1. Không phải Word".encode(), "không phải")


def test_truncated_zip_is_refused():
    data = to_bytes(decision())
    _refused(data[: len(data) // 2], "hỏng")


def test_empty_file_is_refused():
    _refused(b"", "rỗng")


def test_missing_document_part_is_refused():
    _refused(_zip({"[Content_Types].xml": b"<Types/>", "other.xml": b"<a/>"}), "word/document.xml")


def test_zip_bomb_by_ratio_is_refused(settings):
    settings.DOCX_MAX_COMPRESSION_RATIO = 50
    bomb = b"<w:document>" + b" " * (5 * 1024 * 1024) + b"</w:document>"
    _refused(_zip(_minimal(bomb)), "zip bomb")


def test_declared_uncompressed_size_over_the_limit_is_refused(settings):
    settings.DOCX_MAX_UNCOMPRESSED_SIZE = 1024 * 1024
    _refused(_zip(_minimal(extra={"word/media/big.bin": b"\x01\x02" * 700_000})), "giải nén")


def test_too_many_entries_is_refused(settings):
    settings.DOCX_MAX_ENTRIES = 20
    extra = {f"word/media/{i}.txt": b"x" for i in range(30)}
    _refused(_zip(_minimal(extra=extra)), "quá nhiều thành phần")


def test_oversized_file_is_refused(settings):
    settings.DOCX_MAX_FILE_SIZE = 1000
    _refused(to_bytes(decision()), "quá lớn")


@pytest.mark.parametrize(
    "payload",
    [
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document>&x;</w:document>',
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document/>',
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a><a/>'.encode("utf-16"),
    ],
)
def test_doctype_or_entity_in_any_part_is_refused(payload):
    _refused(_zip(_minimal(extra={"word/styles.xml": payload})), "DOCTYPE")


def test_entity_in_a_real_document_is_refused():
    data = to_bytes(decision())
    source = zipfile.ZipFile(io.BytesIO(data))
    entries = {name: source.read(name) for name in source.namelist()}
    entries["word/document.xml"] = entries["word/document.xml"].replace(
        b"?>", b'?><!DOCTYPE d [<!ENTITY e "x">]>', 1
    )
    _refused(_zip(entries), "DOCTYPE")


def test_duplicate_number_without_as_version_of_is_an_error_and_stores_nothing():
    data = to_bytes(decision("21/2024/QĐ-UBND"))
    first = import_file(data, "a.docx")
    assert first.status == "ok", first.error
    error = _refused(data, "21/2024/QĐ-UBND", "đã có")
    assert "--as-version-of" in error


def test_python_docx_parser_keeps_entities_unresolved():
    """Second line of defence behind the DOCTYPE check: python-docx never expands entities."""
    from docx.oxml.parser import parse_xml
    from lxml import etree

    element = parse_xml(b'<!DOCTYPE a [<!ENTITY e "SECRET">]><a>&e;</a>')
    assert b"SECRET" not in etree.tostring(element)
