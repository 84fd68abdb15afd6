"""Benchmark of the Word importer (regulations.wordio).

    .venv/bin/python -m bench import [--corpus ../shared/corpus/laws] [--generated 200]
        [--articles 50] [--no-db] [--prefix]

Measures, file by file and in turn on the same bytes (so that machine noise hits all
three alike):
- bare python-docx: open the file and iterate its paragraphs and tables (the floor);
- our dry-run parse (safety checks, reading, header, structure, signature);
- our import into a fresh SQLite file database, as `import_docx` runs it in production:
  one transaction per file, the original kept on disk, the search index update and
  Wagtail's own reference-index and admin-search updates queued for the worker
  (django-tasks database backend);
then the background work those imports queued (`db_worker --batch`): until it ends,
the new documents are stored and readable but not yet found by search. Then
linearity: one generated document of 50, 100, 200 and 400 articles, read bare, parsed
and imported.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


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


_TYPE_LISTS = None


def _import(name, data):
    """One file as `import_docx` imports it: its own transaction, the document types
    read once per run."""
    global _TYPE_LISTS
    from django.db import transaction

    from regulations.wordio.importer import document_type_lists, import_file

    if _TYPE_LISTS is None:
        _TYPE_LISTS = document_type_lists()
    with transaction.atomic():
        return import_file(data, name, type_lists=_TYPE_LISTS)


def run_background() -> tuple[float, dict]:
    """Run what the imports queued (search index, Wagtail's tasks) as the worker does;
    (seconds, {task path: [tasks, seconds inside the task]}): the rest of the seconds
    is db_worker's own cost per task (claiming, locking, storing the result)."""
    from django.core.management import call_command
    from django_tasks.signals import task_finished, task_started

    parts = {}
    started = {}

    def on_started(sender, task_result, **kwargs):
        started[task_result.id] = time.perf_counter()

    def on_finished(sender, task_result, **kwargs):
        part = parts.setdefault(task_result.task.module_path, [0, 0.0])
        part[0] += 1
        part[1] += time.perf_counter() - started.pop(task_result.id)

    task_started.connect(on_started)
    task_finished.connect(on_finished)
    start = time.perf_counter()
    try:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    finally:
        task_started.disconnect(on_started)
        task_finished.disconnect(on_finished)
    return time.perf_counter() - start, parts


def _parts_line(total: float, parts: dict) -> str:
    inside = sum(seconds for _n, seconds in parts.values())
    shares = [
        f"{path} {n} × = {seconds:.2f} s"
        for path, (n, seconds) in sorted(parts.items(), key=lambda kv: -kv[1][1])
    ]
    tasks = sum(n for n, _s in parts.values())
    overhead = total - inside
    return (
        f"  background by task: {'; '.join(shares)}; db_worker's own cost "
        f"{overhead:.2f} s ({overhead / max(tasks, 1) * 1000:.1f} ms per task)"
    )


def run_set(label, files, with_db, lines):
    from regulations.wordio.importer.pipeline import parse_docx

    bare = parse = full = 0.0
    failed = []
    for name, data in files:
        t0 = time.perf_counter()
        bare_python_docx(data)
        t1 = time.perf_counter()
        parse_docx(data)
        t2 = time.perf_counter()
        bare, parse = bare + t1 - t0, parse + t2 - t1
        if with_db:
            report = _import(name, data)
            full += time.perf_counter() - t2
            if report.status != "ok":
                failed.append(f"{name}: {report.error}")
    n = len(files)
    lines.append(
        f"{label}: {n} files; bare python-docx {bare:.2f} s ({n / bare:.1f} docs/s); "
        f"our parse (dry run) {parse:.2f} s ({n / parse:.1f} docs/s), ratio {parse / bare:.2f}×"
    )
    if with_db:
        background, parts = run_background()
        lines.append(
            f"{label}: import {full:.2f} s ({n / full:.1f} docs/s), ratio {full / bare:.2f}× "
            f"bare python-docx; {len(failed)} failed; then the queued background work "
            f"{background:.2f} s; import + background {full + background:.2f} s, ratio "
            f"{(full + background) / bare:.2f}×"
        )
        lines.append(_parts_line(background, parts))
        lines.extend(f"  failed {line}" for line in failed)


def _best(fn, repeat: int) -> float:
    """The fastest of `repeat` runs: the least disturbed by other work on the machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def linearity(lines, with_db):
    from regulations.wordio.importer.pipeline import parse_docx

    sizes = (50, 100, 200, 400)
    per = {"bare python-docx": {}, "parse": {}, "import": {}}
    for size in sizes:
        data = generated(9000 + size, size)
        per["bare python-docx"][size] = _best(lambda d=data: bare_python_docx(d), 5)
        per["parse"][size] = _best(lambda d=data: parse_docx(d), 5)
        if with_db:
            # Each import needs a new number/symbol: three files of the same size.
            others = iter([generated(9000 + size * 10 + n, size) for n in range(3)])
            per["import"][size] = _best(lambda o=others: _import("lin.docx", next(o)), 3)
    for what, times in per.items():
        if not times:
            continue
        steps = ", ".join(
            f"{b}/{a} = {times[b] / times[a]:.2f}×" for a, b in zip(sizes, sizes[1:], strict=False)
        )
        lines.append(
            f"linearity (fastest of 5, import of 3), {what}: "
            + ", ".join(f"{s} articles {times[s] * 1000:.0f} ms" for s in sizes)
            + f"; {steps}"
        )


def run_generated(args, with_db, lines):
    start = time.perf_counter()
    files = [(f"gen-{i}.docx", generated(i, args.articles)) for i in range(args.generated)]
    lines.append(
        f"generated {args.generated} × {args.articles} articles in "
        f"{time.perf_counter() - start:.1f} s"
    )
    run_set(f"generated {args.generated}×{args.articles}", files, with_db, lines)
    linearity(lines, with_db)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "laws"))
    parser.add_argument("--generated", type=int, default=200)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--no-db", action="store_true")
    parser.add_argument(
        "--prefix", action="store_true", help="then measure FTS5 prefix indexes (bench/fts_prefix)"
    )
    args = parser.parse_args(argv)

    import django
    from django.conf import settings

    django.setup()
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment

    workdir = tempfile.mkdtemp(prefix="bench-docx-")
    override_settings(
        TASKS=DB_TASKS,
        MEDIA_ROOT=workdir,
        STORAGES={
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        },
    ).enable()
    with_db = not args.no_db
    old_name = None
    if with_db:
        setup_test_environment()
        old_name = connection.settings_dict["NAME"]
        # A database file, as in production (the test settings would use memory).
        connection.settings_dict["TEST"]["NAME"] = os.path.join(workdir, "bench.sqlite3")
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    lines = [f"run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} CPUs"]
    try:
        corpus = Path(args.corpus)
        if corpus.exists():
            files = [(p.name, p.read_bytes()) for p in sorted(corpus.glob("*.docx"))]
            run_set("real corpus", files, with_db, lines)
            if with_db and args.prefix:
                from bench import fts_prefix

                fts_prefix.measure(lines)
            print("\n".join(lines[1:]), file=sys.stderr)
        if args.generated:  # --generated 0: the corpus only
            run_generated(args, with_db, lines)
    finally:
        if with_db:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
