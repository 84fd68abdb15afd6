"""Benchmark of the Word importer (regulations.wordio).

    .venv/bin/python -m bench.import_docx [--corpus ../shared/corpus/laws] [--generated 200]
        [--articles 50] [--no-db]

Measures, in the same run and on the same bytes:
- bare python-docx: open each file and iterate its paragraphs and tables (the floor);
- our dry-run parse (safety checks, reading, header, structure, signature);
- our full import into a throw-away test database (one transaction per file);
for the real corpus and a generated corpus of N documents × K articles; then linearity:
the parse time of one document of 50, 100 and 200 articles.
"""

import argparse
import io
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")


def bare_python_docx(data: bytes) -> int:
    from docx import Document
    from docx.table import Table

    doc = Document(io.BytesIO(data))
    n = 0
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    n += len(cell.text)
        else:
            n += len(block.text)
    return n


def generated(index: int, articles: int) -> bytes:
    from regulations.wordio.blocks import (
        add_body_paragraph,
        add_header_block,
        add_recipients_and_signature,
        add_title,
        document_bytes,
        new_official_document,
    )

    doc = new_official_document()
    add_header_block(
        doc, "Ủy ban nhân dân thành phố Hà Nội", "Sở Thông tin và Truyền thông",
        f"{index + 1}/2024/QĐ-STTTT", "Hà Nội", date(2024, 3, 1),
    )  # fmt: skip
    add_title(doc, "Quyết định", f"Ban hành quy định thử số {index + 1}")
    add_body_paragraph(doc, "Căn cứ Luật Ban hành văn bản quy phạm pháp luật năm 2015;")
    for n in range(1, articles + 1):
        if n % 10 == 1:
            for text in (f"Chương {n // 10 + 1}", f"NHÓM QUY ĐỊNH {n // 10 + 1}"):
                para = doc.add_paragraph()
                para.alignment = 1
                para.add_run(text).bold = True
        add_body_paragraph(doc, f"Điều {n}. Quy định thứ {n}", bold=True)
        for k in range(1, 4):
            add_body_paragraph(doc, f"{k}. Khoản {k} của Điều {n} quy định nội dung cần làm.")
        for letter in "abc":
            add_body_paragraph(doc, f"{letter}) Điểm {letter} khoản 3 Điều {n};")
    add_recipients_and_signature(doc, ["Như Điều 3;", "Lưu: VT."], "Giám đốc", "Nguyễn Văn An")
    return document_bytes(doc)


def timed(fn, items) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - start


def run_set(label, files, with_db, lines):
    from regulations.wordio.importer import import_file
    from regulations.wordio.importer.pipeline import parse_docx

    datas = [data for _name, data in files]
    bare = timed(bare_python_docx, datas)
    parse = timed(parse_docx, datas)
    lines.append(
        f"{label}: {len(datas)} files; bare python-docx {bare:.2f} s ({len(datas) / bare:.1f} "
        f"docs/s); our parse (dry run) {parse:.2f} s ({len(datas) / parse:.1f} docs/s), "
        f"ratio {parse / bare:.2f}×"
    )
    if with_db:
        from django.db import transaction

        failed = []
        start = time.perf_counter()
        for name, data in files:
            with transaction.atomic():
                report = import_file(data, name)
            if report.status != "ok":
                failed.append(f"{name}: {report.error}")
        full = time.perf_counter() - start
        lines.append(
            f"{label}: full import into the database {full:.2f} s ({len(datas) / full:.1f} "
            f"docs/s), ratio {full / bare:.2f}× bare python-docx; {len(failed)} failed"
        )
        lines.extend(f"  failed {line}" for line in failed)


def linearity(lines):
    from regulations.wordio.importer.pipeline import parse_docx

    sizes = (50, 100, 200)
    per = {}
    for size in sizes:
        data = generated(9000 + size, size)
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            parse_docx(data)
            runs.append(time.perf_counter() - start)
        per[size] = statistics.median(runs)
    lines.append(
        "linearity (median of 5 parses): "
        + ", ".join(f"{s} articles {per[s] * 1000:.0f} ms" for s in sizes)
        + f"; 100/50 = {per[100] / per[50]:.2f}×, 200/100 = {per[200] / per[100]:.2f}×"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "laws"))
    parser.add_argument("--generated", type=int, default=200)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--no-db", action="store_true")
    args = parser.parse_args(argv)

    import tempfile

    import django
    from django.conf import settings

    django.setup()
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="bench-docx-")
    from django.db import connection
    from django.test.utils import setup_test_environment

    with_db = not args.no_db
    old_name = None
    if with_db:
        setup_test_environment()
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    lines = [f"run {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} CPUs"]
    try:
        corpus = Path(args.corpus)
        if corpus.exists():
            files = [(p.name, p.read_bytes()) for p in sorted(corpus.glob("*.docx"))]
            run_set("real corpus", files, with_db, lines)
            print(lines[-1], file=sys.stderr)
        start = time.perf_counter()
        files = [(f"gen-{i}.docx", generated(i, args.articles)) for i in range(args.generated)]
        lines.append(
            f"generated {args.generated} × {args.articles} articles in "
            f"{time.perf_counter() - start:.1f} s"
        )
        run_set(f"generated {args.generated}×{args.articles}", files, with_db, lines)
        linearity(lines)
    finally:
        if with_db:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
