"""The demo's content is data files in each app's demo/ package: they parse, they are
declared as package data (so they ship), and the text format reads back what it holds."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from regulations.demofiles import read_json
from regulations.documents.demo.textfiles import parse_rows, read_rows
from regulations.documents.structure import ProvisionLevel

ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = sorted(
    path
    for pattern in ("regulations/*/demo/**/*", "cms/pages/demo/**/*")
    for path in ROOT.glob(pattern)
    if path.is_file() and path.suffix in {".json", ".txt"}
)


def _package_of(path):
    package = path.parent
    while not (package / "__init__.py").exists():
        package = package.parent
    return package


def test_every_demo_data_file_is_declared_as_package_data():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]
    assert DATA_FILES
    for path in DATA_FILES:
        package = _package_of(path)
        name = ".".join(package.relative_to(ROOT).parts)
        relative = path.relative_to(package).as_posix()
        patterns = declared.get(name, [])
        assert any(fnmatch(relative, pattern) for pattern in patterns), f"{name}: {relative}"


@pytest.mark.parametrize("path", [p for p in DATA_FILES if p.suffix == ".json"], ids=str)
def test_demo_json_files_parse(path):
    package = ".".join(_package_of(path).relative_to(ROOT).parts)
    assert read_json(package, path.name)


@pytest.mark.parametrize("path", [p for p in DATA_FILES if p.suffix == ".txt"], ids=str)
def test_demo_texts_hold_provisions_of_known_levels(path):
    rows = read_rows("regulations.documents.demo", f"texts/{path.name}")
    assert rows
    assert {level for level, *_ in rows} <= set(ProvisionLevel.values)


def test_demo_documents_name_existing_text_files():
    data = read_json("regulations.documents.demo", "documents.json")
    files = {entry["text"]["file"] for entry in data["documents"] if "text" in entry}
    assert files == {f"texts/{p.name}" for p in DATA_FILES if p.suffix == ".txt"}


def test_a_text_block_is_a_header_and_the_provisions_text():
    source = (
        "[mo_dau]\nLời nói đầu.\n\n[chuong I] QUY ĐỊNH CHUNG\n\n[khoan 2]\nDòng một\nDòng hai\n"
    )
    assert parse_rows(source) == [
        ("mo_dau", "", "", "Lời nói đầu."),
        ("chuong", "I", "QUY ĐỊNH CHUNG", ""),
        ("khoan", "2", "", "Dòng một\nDòng hai"),
    ]


def test_a_malformed_header_is_refused_with_the_line():
    with pytest.raises(ValueError, match="Điều 1"):
        parse_rows("Điều 1. Phạm vi\nNội dung")
