"""The demo documents' texts (texts/*.txt): one provision per block, in reading order.

A block is a header line `[level number] title` (level a ProvisionLevel value such as
`dieu` or `khoan`; number and title may be empty) and the provision's text on the
lines below it (never a blank line); blocks are separated by one blank line. The
department's internal rules are illustrative texts written for the demo in the usual
form of such rules; the laws and plans carry short extracts.
"""

import re

from regulations.demofiles import read_text

HEADER = re.compile(r"^\[(?P<level>[a-z_]+)(?: (?P<number>[^\]]+))?\](?: (?P<title>.*))?$")


def parse_rows(source: str) -> list[tuple[str, str, str, str]]:
    """(level, number, title, text) rows of a text file's content."""
    rows = []
    for block in source.strip().split("\n\n"):
        header, *lines = block.split("\n")
        found = HEADER.match(header)
        if found is None:
            raise ValueError(f"Dòng tiêu đề không hợp lệ trong văn bản mẫu: {header!r}")
        level, number, title = found.group("level", "number", "title")
        rows.append((level, number or "", title or "", "\n".join(lines)))
    return rows


def read_rows(package: str, name: str) -> list[tuple[str, str, str, str]]:
    return parse_rows(read_text(package, name))
