"""The structure of a legal text: levels, anchors and citation labels.

A version's provisions are stored flat, in reading order, each with a level and a
number; the tree is implied (a Khoản belongs to the Điều before it). This module
turns that sequence into stable paths ("dieu-5/khoan-2/diem-a") and citations
("điểm a khoản 2 Điều 5"). The importer, the admin and the diff all use it.
"""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from vietnamese.enumerations import point_rank


class ProvisionLevel(models.TextChoices):
    PART = "phan", _("Phần")
    CHAPTER = "chuong", _("Chương")
    SECTION = "muc", _("Mục")
    SUBSECTION = "tieu_muc", _("Tiểu mục")
    HEADING = "de_muc", _("Đề mục (I., II. trong kế hoạch)")
    ARTICLE = "dieu", _("Điều")
    CLAUSE = "khoan", _("Khoản")
    POINT = "diem", _("Điểm")
    PREAMBLE = "mo_dau", _("Phần mở đầu")
    ANNEX = "phu_luc", _("Phụ lục, phần không cấu trúc")


# Rank: a provision's parent is the nearest earlier provision of a lower rank.
RANK = {
    ProvisionLevel.PART: 1,
    ProvisionLevel.CHAPTER: 2,
    ProvisionLevel.SECTION: 3,
    ProvisionLevel.SUBSECTION: 4,
    ProvisionLevel.HEADING: 2,
    ProvisionLevel.ARTICLE: 5,
    ProvisionLevel.CLAUSE: 6,
    ProvisionLevel.POINT: 7,
    ProvisionLevel.PREAMBLE: 0,
    ProvisionLevel.ANNEX: 0,
}
SLUG = {
    ProvisionLevel.PART: "phan",
    ProvisionLevel.CHAPTER: "chuong",
    ProvisionLevel.SECTION: "muc",
    ProvisionLevel.SUBSECTION: "tieu-muc",
    ProvisionLevel.HEADING: "de-muc",
    ProvisionLevel.ARTICLE: "dieu",
    ProvisionLevel.CLAUSE: "khoan",
    ProvisionLevel.POINT: "diem",
    ProvisionLevel.PREAMBLE: "mo-dau",
    ProvisionLevel.ANNEX: "phu-luc",
}
WORD = {
    ProvisionLevel.PART: "Phần",
    ProvisionLevel.CHAPTER: "Chương",
    ProvisionLevel.SECTION: "Mục",
    ProvisionLevel.SUBSECTION: "Tiểu mục",
    ProvisionLevel.HEADING: "mục",
    ProvisionLevel.ARTICLE: "Điều",
    ProvisionLevel.CLAUSE: "khoản",
    ProvisionLevel.POINT: "điểm",
    ProvisionLevel.PREAMBLE: "phần mở đầu",
    ProvisionLevel.ANNEX: "phụ lục",
}
# Articles are numbered through the whole text, so their path starts fresh: the
# anchor of "Điều 5" does not change when chapters are renumbered.
ROOTED_LEVELS = {ProvisionLevel.ARTICLE, ProvisionLevel.PREAMBLE, ProvisionLevel.ANNEX}
UNNUMBERED_LEVELS = {ProvisionLevel.PREAMBLE, ProvisionLevel.ANNEX}


def segment(level: str, number: str) -> str:
    return f"{SLUG[ProvisionLevel(level)]}-{number.strip().lower()}"


@dataclass
class Placed:
    """A provision with its computed place in the tree."""

    index: int
    level: str
    number: str
    path: str
    parent_index: int | None
    depth: int


def place(rows) -> tuple[list[Placed], list[str]]:
    """Compute path, parent and depth for (level, number) rows in reading order.

    Returns the placements and warnings for duplicated paths, which get a "~2"
    suffix so that no text is dropped and every anchor stays unique.
    """
    placed: list[Placed] = []
    stack: list[Placed] = []
    seen: dict[str, int] = {}
    warnings: list[str] = []
    unnumbered: dict[str, int] = {}
    for i, (level, number) in enumerate(rows):
        level = ProvisionLevel(level)
        rank = RANK[level]
        while stack and RANK[ProvisionLevel(stack[-1].level)] >= rank:
            stack.pop()
        if level in UNNUMBERED_LEVELS:
            unnumbered[level] = unnumbered.get(level, 0) + 1
            number = number or str(unnumbered[level])
        own = segment(level, number)
        if level in ROOTED_LEVELS or not stack:
            path = own
        else:
            path = f"{stack[-1].path}/{own}"
        if level in ROOTED_LEVELS:
            # Keep the article under its chapter for the tree, not for the path.
            parent = stack[-1] if stack and level == ProvisionLevel.ARTICLE else None
        else:
            parent = stack[-1] if stack else None
        if path in seen:
            seen[path] += 1
            warnings.append(
                f"Trùng {citation(path)}: giữ bản thứ {seen[path]} với hậu tố ~{seen[path]}"
            )
            path = f"{path}~{seen[path]}"
        else:
            seen[path] = 1
        node = Placed(i, level, number, path, parent.index if parent else None, 0)
        node.depth = (placed[node.parent_index].depth + 1) if parent else 0
        placed.append(node)
        if level not in UNNUMBERED_LEVELS:
            stack.append(node)
    return placed, warnings


def normalise_path(path: str) -> str:
    """ " Dieu-5/Khoan-2/ " → "dieu-5/khoan-2": the stored form of a typed path."""
    return "/".join(part.strip().lower() for part in path.strip().strip("/").split("/") if part)


def citation(path: str) -> str:
    """ "dieu-5/khoan-2/diem-a" → "điểm a khoản 2 Điều 5" (smallest unit first)."""
    words = []
    by_slug = {slug: level for level, slug in SLUG.items()}
    for part in path.split("/"):
        base = part.split("~")[0]
        for slug in sorted(by_slug, key=len, reverse=True):
            if base.startswith(slug + "-"):
                level = by_slug[slug]
                number = base[len(slug) + 1 :]
                if level in (ProvisionLevel.PART, ProvisionLevel.CHAPTER, ProvisionLevel.HEADING):
                    number = number.upper()
                words.append(f"{WORD[level]} {number}")
                break
        else:
            words.append(base)
    return " ".join(reversed(words))


def number_key(number: str) -> tuple:
    """Sort key of a unit number within its level: 7 < 7a < 7b < 8; d < đ < đ1 < e."""
    number = (number or "").strip().lower()
    match = re.fullmatch(r"(\d+)([a-zđ]?)(\d*)", number)
    if match:
        digits, letter, tail = match.groups()
        return (0, int(digits), point_rank(letter), int(tail or 0))
    match = re.fullmatch(r"([a-zđ])(\d*)", number)
    if match:
        letter, tail = match.groups()
        return (1, point_rank(letter), int(tail or 0), 0)
    return (2, 0, 0, 0)


def anchor(path: str) -> str:
    """An HTML id for a path: slashes become dashes, ~ becomes _."""
    return path.replace("/", "-").replace("~", "_")
