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
        # UTF-16 without a byte-order mark, both byte orders, and with a BOM in big-endian.
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a><a/>'.encode("utf-16-le"),
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a><a/>'.encode("utf-16-be"),
        b"\xfe\xff" + '<?xml version="1.0"?><!ENTITY e "x"><a/>'.encode("utf-16-be"),
        # The declaration split across two read chunks of the scan.
        '<?xml version="1.0" encoding="UTF-16"?>'.encode("utf-16")
        + " ".encode("utf-16-le") * 32750
        + "<!DOCTYPE a><a/>".encode("utf-16-le"),
        # UTF-8 with a BOM.
        b"\xef\xbb\xbf<?xml version='1.0' encoding='utf-8'?><!DOCTYPE a><a/>",
    ],
)
def test_doctype_or_entity_in_any_part_is_refused(payload):
    _refused(_zip(_minimal(extra={"word/styles.xml": payload})), "DOCTYPE")


EBCDIC_PART = '<?xml version="1.0" encoding="cp500"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'


@pytest.mark.parametrize("part", ["word/styles.xml", "word/document.xml"])
def test_ebcdic_part_is_refused_with_a_clear_message(part):
    # lxml would read this part as EBCDIC; the scan cannot see its DOCTYPE as bytes.
    error = _refused(_zip(_minimal(extra={part: EBCDIC_PART.encode("cp500")})), part, "UTF-8")
    assert "không lường trước" not in error and "EBCDIC" not in error


def test_ebcdic_part_inside_a_real_document_is_refused():
    data = to_bytes(decision())
    source = zipfile.ZipFile(io.BytesIO(data))
    entries = {name: source.read(name) for name in source.namelist()}
    entries["word/styles.xml"] = entries["word/styles.xml"].decode().encode("cp500")
    _refused(_zip(entries), "word/styles.xml", "UTF-8 hoặc UTF-16")


@pytest.mark.parametrize(
    "payload,words",
    [
        ('<?xml version="1.0" encoding="ISO-8859-1"?><a/>'.encode("latin-1"), ["ISO-8859-1"]),
        ('<?xml version="1.0" encoding="UTF-32"?><a/>'.encode("utf-32"), ["UTF-32"]),
        (b'<?xml version="1.0" encoding="UTF-16"?><a/>', ["UTF-16"]),
        (b'<?xml version="1.0"?><a>\xff\xfe\xc3</a>', ["byte không hợp lệ", "UTF-8"]),
    ],
)
def test_other_encodings_and_invalid_bytes_are_refused(payload, words):
    _refused(_zip(_minimal(extra={"word/styles.xml": payload})), "word/styles.xml", *words)


def test_utf16_part_without_doctype_passes_the_scan():
    from regulations.wordio.importer.safety import check_docx

    part = '<?xml version="1.0" encoding="UTF-16"?><a>Điều 1</a>'.encode("utf-16")
    assert "word/styles.xml" in check_docx(_zip(_minimal(extra={"word/styles.xml": part})))


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
