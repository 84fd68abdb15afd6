"""Mã QR dẫn đến phiếu khảo sát, to print at the one-stop counter (PNG and SVG)."""

import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.utils.html import escape
from qrcode.constants import ERROR_CORRECT_M


def query(params: dict) -> str:
    return urlencode({k: v for k, v in params.items() if v})


def _code(url: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(url)
    code.make(fit=True)
    return code


def png(url: str, box_size: int = 10) -> bytes:
    code = _code(url)
    code.box_size = box_size
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()


def svg(url: str) -> bytes:
    """A standalone SVG document (a single path, scales to any print size)."""
    image = _code(url).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


def inline_svg(url: str, label: str) -> str:
    """The SVG element for embedding in an HTML page, with an accessible name."""
    text = svg(url).decode()
    start = text.index("<svg")
    element = text[start:]
    return element.replace("<svg", f'<svg role="img" aria-label="{escape(label)}"', 1)
