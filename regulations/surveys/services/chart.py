"""Biểu đồ xu hướng: a server-rendered, accessible SVG bar chart of the index by quarter."""

from django.utils.html import escape

from vietnamese.numbers import vietnamese_number

from .index import SMALL_SAMPLE_FORMS, TrendPoint, quarter_label

SMALL = "mẫu nhỏ"


def percent(value) -> str:
    return "—" if value is None else f"{vietnamese_number(value * 100, 1)}%"


def sample_label(point) -> str:
    """ "n = 412 phiếu", or "n = 1 phiếu, mẫu nhỏ" below SMALL_SAMPLE_FORMS forms."""
    text = f"n = {vietnamese_number(point.forms)} phiếu"
    return f"{text}, {SMALL}" if point.small_sample else text


def trend_svg(points: list[TrendPoint], title: str, description: str = "") -> str:
    """Bars of the overall index per quarter (0–100%); the page also shows the data table.

    Each bar says its n (forms); a quarter with fewer than SMALL_SAMPLE_FORMS forms is
    drawn hatched and pale, and labelled "mẫu nhỏ", so it does not read like the others.
    """
    width, height = 640, 320
    left, right, top, bottom = 48, 16, 24, 68
    plot_w, plot_h = width - left - right, height - top - bottom
    desc = description or "; ".join(
        f"{quarter_label(p.quarter)}: {percent(p.overall)} ({sample_label(p)})" for p in points
    )
    desc += f". Mẫu nhỏ: dưới {SMALL_SAMPLE_FORMS} phiếu."
    parts = [
        f'<svg class="trend-chart" role="img" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" '
        f'aria-labelledby="trend-title trend-desc">',
        f'<title id="trend-title">{escape(title)}</title>',
        f'<desc id="trend-desc">{escape(desc)}</desc>',
        '<defs><pattern id="trend-small" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" fill="#f3dede"/>'
        '<line x1="0" y1="0" x2="0" y2="8" stroke="#8a1c1c" stroke-width="3"/></pattern>'
        "</defs>",
    ]
    for tick in range(0, 101, 20):
        y = top + plot_h - plot_h * tick / 100
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="#c9c9c4" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#1b1b1b">{tick}%</text>'
        )
    if points:
        slot = plot_w / len(points)
        bar = min(72.0, slot * 0.6)
        for i, point in enumerate(points):
            x = left + slot * i + (slot - bar) / 2
            value = point.overall or 0
            bar_h = plot_h * value
            y = top + plot_h - bar_h
            small = point.small_sample
            fill = (
                'class="bar-small" fill="url(#trend-small)" stroke="#8a1c1c" stroke-dasharray="4 3"'
                if small
                else 'class="bar" fill="#8a1c1c"'
            )
            centre = x + bar / 2
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{bar_h:.1f}" '
                f"{fill}/>"
                f'<text x="{centre:.1f}" y="{max(y - 6, 12):.1f}" text-anchor="middle" '
                f'font-size="13" font-weight="bold" fill="#1b1b1b">'
                f"{escape(percent(point.overall))}</text>"
                f'<text x="{centre:.1f}" y="{height - bottom + 20}" text-anchor="middle" '
                f'font-size="13" fill="#1b1b1b">{escape(quarter_label(point.quarter))}</text>'
                f'<text x="{centre:.1f}" y="{height - bottom + 38}" text-anchor="middle" '
                f'font-size="12" fill="#1b1b1b">n = {vietnamese_number(point.forms)}</text>'
            )
            if small:
                parts.append(
                    f'<text x="{centre:.1f}" y="{height - bottom + 56}" text-anchor="middle" '
                    f'font-size="12" font-style="italic" fill="#8a1c1c">{SMALL}</text>'
                )
    parts.append("</svg>")
    return "".join(parts)
