"""Stage 1 – kiểm tra an toàn: decide whether an uploaded file may be opened at all.

Reads: the raw bytes of the file (nothing else; python-docx has not seen them yet).
Writes: nothing; raises ImportRejected with a Vietnamese message, or returns the list of
zip entry names when the file is a well-formed, reasonably sized .docx package.

Checks, in order: size; magic bytes (OLE2 = .doc or an encrypted/password-protected
.docx, PDF, images); zip directory readable; entry count; declared uncompressed size
(total and per entry) and compression ratio (zip bombs); required parts; no DOCTYPE or
ENTITY declaration in any XML part (OOXML allows none, so this stops XXE and
billion-laughs before lxml sees the part). Each part is decoded before the scan, in the
encoding its byte-order mark or XML declaration names; OOXML parts are UTF-8 or UTF-16,
so any other encoding (EBCDIC, UTF-32, Latin-1…) is refused rather than scanned blind.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import ImportRejected

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
KNOWN_MAGICS = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
    b"{\\rtf": "RTF",
    b"Rar!": "RAR",
    b"7z\xbc\xaf": "7z",
}
REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")
# A DOCTYPE or ENTITY declaration, searched in the decoded text of a part.
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# encoding="…" in the XML declaration.
_XML_DECL = re.compile(r"^<\?xml\s[^>]*?encoding\s*=\s*([\"'])([A-Za-z0-9._\-]*)\1")
# The encodings a part may declare, per family detected from its first bytes (XML 1.0
# appendix F). ASCII is a subset of UTF-8.
_DECLARED = {
    "utf-8": {"utf-8", "utf8", "us-ascii", "ascii"},
    "utf-16-le": {"utf-16", "utf16", "utf-16le"},
    "utf-16-be": {"utf-16", "utf16", "utf-16be"},
}
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_CHUNK = 1 << 16


def limits() -> dict:
    return {
        "file_size": getattr(settings, "DOCX_MAX_FILE_SIZE", 30 * 1024 * 1024),
        "uncompressed": getattr(settings, "DOCX_MAX_UNCOMPRESSED_SIZE", 200 * 1024 * 1024),
        "entries": getattr(settings, "DOCX_MAX_ENTRIES", 2000),
        "ratio": getattr(settings, "DOCX_MAX_COMPRESSION_RATIO", 200),
    }


def _mb(value: int) -> str:
    return f"{value / (1024 * 1024):.1f} MB"


def check_docx(data: bytes) -> list[str]:
    """Refuse anything that is not a safe .docx package; return its entry names."""
    lim = limits()
    if not data:
        raise ImportRejected(_("Tệp rỗng (0 byte), không phải tệp Word .docx."))
    if len(data) > lim["file_size"]:
        raise ImportRejected(
            _("Tệp quá lớn: %(size)s, giới hạn %(limit)s.")
            % {"size": _mb(len(data)), "limit": _mb(lim["file_size"])}
        )
    head = data[:8]
    if head.startswith(OLE2_MAGIC):
        raise ImportRejected(
            _(
                "Tệp là định dạng Word cũ (.doc) hoặc tệp .docx được đặt mật khẩu/mã hóa "
                "(cả hai đều là tệp OLE2): hãy mở bằng Word, bỏ mật khẩu và lưu lại dạng .docx."
            )
        )
    for magic, name in KNOWN_MAGICS.items():
        if head.startswith(magic):
            raise ImportRejected(
                _("Tệp là tệp %(kind)s được đổi tên, không phải tệp Word .docx.") % {"kind": name}
            )
    if not head.startswith(ZIP_MAGICS):
        raise ImportRejected(_("Tệp không phải tệp Word .docx (không phải gói ZIP của Office)."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportRejected(
            _("Tệp .docx bị hỏng hoặc không đầy đủ (ZIP không đọc được: %(why)s).") % {"why": exc}
        ) from exc
    with archive:
        _check_entries(infos, lim)
        names = [info.filename for info in infos]
        for part in REQUIRED_PARTS:
            if part not in names:
                raise ImportRejected(
                    _("Tệp không phải tài liệu Word: thiếu phần bắt buộc %(part)s.")
                    % {"part": part}
                )
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")):
                _check_xml_part(archive, info)
    return names


def _check_entries(infos, lim) -> None:
    if len(infos) > lim["entries"]:
        raise ImportRejected(
            _("Tệp có quá nhiều thành phần (%(count)s, giới hạn %(limit)s): nghi là tệp độc hại.")
            % {"count": len(infos), "limit": lim["entries"]}
        )
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if total > lim["uncompressed"]:
        raise ImportRejected(
            _("Dung lượng giải nén khai báo %(size)s vượt giới hạn %(limit)s (nghi zip bomb).")
            % {"size": _mb(total), "limit": _mb(lim["uncompressed"])}
        )
    for info in infos:
        # Tiny entries compress well legitimately; judge the ratio on entries > 1 MB.
        if info.file_size > 1024 * 1024 and info.file_size > lim["ratio"] * max(
            info.compress_size, 1
        ):
            raise ImportRejected(
                _(
                    "Thành phần %(name)s có tỉ lệ nén %(ratio)s:1, vượt giới hạn %(limit)s:1 "
                    "(nghi zip bomb)."
                )
                % {
                    "name": info.filename,
                    "ratio": info.file_size // max(info.compress_size, 1),
                    "limit": lim["ratio"],
                }
            )
    if total > 1024 * 1024 and total > lim["ratio"] * max(packed, 1):
        raise ImportRejected(
            _("Tỉ lệ nén toàn tệp %(ratio)s:1 vượt giới hạn %(limit)s:1 (nghi zip bomb).")
            % {"ratio": total // max(packed, 1), "limit": lim["ratio"]}
        )


def _not_utf(name: str, encoding: str = "") -> ImportRejected:
    what = (
        _("khai báo bảng mã “%(encoding)s”") % {"encoding": encoding}
        if encoding
        else _("không dùng bảng mã UTF-8 hay UTF-16")
    )
    return ImportRejected(
        _(
            "Thành phần %(name)s %(what)s: tệp Word hợp lệ chỉ dùng UTF-8 hoặc UTF-16, "
            "tệp bị từ chối. Hãy mở tệp bằng Word và lưu lại dạng .docx."
        )
        % {"name": name, "what": what}
    )


def _part_codec(head: bytes, name: str) -> tuple[str, int]:
    """(codec, length of the byte-order mark) of a part from its first bytes and its
    XML declaration; raises ImportRejected unless the part is UTF-8 or UTF-16."""
    if head.startswith(_UTF32_BOMS) or head.startswith((b"<\x00\x00\x00", b"\x00\x00\x00<")):
        raise _not_utf(name, "UTF-32")
    if head.startswith(codecs.BOM_UTF8):
        codec, bom = "utf-8", len(codecs.BOM_UTF8)
    elif head.startswith(codecs.BOM_UTF16_LE):
        codec, bom = "utf-16-le", 2
    elif head.startswith(codecs.BOM_UTF16_BE):
        codec, bom = "utf-16-be", 2
    elif head.startswith(b"<\x00"):
        codec, bom = "utf-16-le", 0
    elif head.startswith(b"\x00<"):
        codec, bom = "utf-16-be", 0
    else:
        codec, bom = "utf-8", 0
    text = head[bom:].decode(codec, errors="replace")
    stripped = text.lstrip(" \t\r\n")
    if stripped and not stripped.startswith("<"):
        # EBCDIC ("<?xml" is 4C 6F A7 94), or anything that is not text in UTF-8/16.
        raise _not_utf(name)
    declared = _XML_DECL.match(text)
    if declared:
        encoding = declared.group(2).lower().replace("_", "-")
        if encoding not in _DECLARED[codec]:
            raise _not_utf(name, declared.group(2))
    return codec, bom


def _check_xml_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Stream the part, decoded, and refuse DOCTYPE/ENTITY; refuse encodings other than
    UTF-8/UTF-16; also stops when the part inflates past its declared size."""
    read = 0
    tail = ""
    decoder = None
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > info.file_size:  # lying header: more data than declared
                    raise ImportRejected(
                        _("Thành phần %(name)s lớn hơn kích thước khai báo (nghi zip bomb).")
                        % {"name": info.filename}
                    )
                if decoder is None:
                    codec, bom = _part_codec(chunk[:1024], info.filename)
                    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
                    chunk = chunk[bom:]
                text = decoder.decode(chunk)
                if _DECLARATION.search(tail + text):
                    raise ImportRejected(
                        _(
                            "Thành phần %(name)s chứa khai báo DOCTYPE/ENTITY, điều mà tệp Word "
                            "hợp lệ không có: tệp bị từ chối (nguy cơ tấn công XML)."
                        )
                        % {"name": info.filename}
                    )
                tail = text[-32:]
            if decoder is not None:
                decoder.decode(b"", final=True)
    except ImportRejected:
        raise
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            _(
                "Thành phần %(name)s chứa byte không hợp lệ trong bảng mã %(encoding)s: tệp bị "
                "từ chối. Hãy mở tệp bằng Word và lưu lại dạng .docx."
            )
            % {"name": info.filename, "encoding": exc.encoding.upper()}
        ) from exc
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ImportRejected(
            _("Tệp .docx bị hỏng: không giải nén được %(name)s (%(why)s).")
            % {"name": info.filename, "why": exc}
        ) from exc
