"""Build locale/vi/LC_MESSAGES/django.po: our Vietnamese for Wagtail's admin strings.

Usage: python tools/build_vi_po.py [--check]  (then `manage.py compilemessages`).
Also djangojs.po, the same way, from tools/vi_admin_js.tsv.

Wagtail's own Vietnamese catalogue is incomplete (and has a few faults, such as
"%(label)svà Xuất bản"). tools/vi_admin.tsv holds one "msgid<TAB>Vietnamese" pair a
line, the msgid exactly as Wagtail's English catalogue writes it (with its \\"
escapes); "[context] msgid" for a msgid with a context, and for a plural msgid its
singular (Vietnamese has one form). Each pair becomes an entry copied from Wagtail's
catalogue (msgid, plural, context, python-format flag), so a typo or a msgid that
Wagtail dropped stops the build. LOCALE_PATHS comes before the apps' catalogues, so
these entries complete and override Wagtail's. --check: fail if the .po is stale.
"""

import re
import sys
from pathlib import Path

import taggit
import wagtail

ROOT = Path(__file__).resolve().parent.parent
LC = ROOT / "locale" / "vi" / "LC_MESSAGES"
# domain: our TSV. djangojs holds the strings of the admin's scripts (sidebar, editor).
DOMAINS = {
    "django": ROOT / "tools" / "vi_admin.tsv",
    "djangojs": ROOT / "tools" / "vi_admin_js.tsv",
}
WAGTAIL = Path(wagtail.__file__).parent
SOURCES = [
    WAGTAIL / app
    for app in [
        "",
        "admin",
        "snippets",
        "users",
        "documents",
        "images",
        "search",
        "sites",
        "contrib/forms",
        "contrib/settings",
        "contrib/redirects",
    ]
]
SOURCES.append(Path(taggit.__file__).parent)  # the tag field's help text

HEADER = """# Vietnamese for Wagtail's (and taggit's) admin strings.
# Built by tools/build_vi_po.py from tools/vi_admin.tsv: edit the TSV, not this file.
msgid ""
msgstr ""
"Project-Id-Version: vanban\\n"
"PO-Revision-Date: 2026-12-03 10:00+0700\\n"
"Last-Translator: vanban\\n"
"Language-Team: Vietnamese\\n"
"Language: vi\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""
FIELD = re.compile(r'^(msgctxt|msgid_plural|msgid) "(.*)"$')
PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[sd]")


def wagtail_entries(domain="django"):
    """{key: {"msgid", "msgid_plural"?, "msgctxt"?, "python_format"}} from Wagtail's en .po."""
    found = {}
    for package in SOURCES:
        path = package / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            entry, field = {}, None
            for line in block.splitlines():
                match = FIELD.match(line)
                if match:
                    field = match.group(1)
                    entry[field] = match.group(2)
                elif line.startswith('"') and field:
                    entry[field] += line[1:-1]
                elif line.startswith("msgstr"):
                    field = None
            if entry.get("msgid"):
                entry["python_format"] = "python-format" in block or (
                    domain == "djangojs" and bool(PLACEHOLDER.search(entry["msgid"]))
                )
                ctx = f"[{entry['msgctxt']}] " if "msgctxt" in entry else ""
                found.setdefault(ctx + entry["msgid"], entry)
    return found


def pairs(domain="django"):
    for number, line in enumerate(DOMAINS[domain].read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            key, _, vi = line.partition("\t")
            yield number, key, vi


def build(domain="django"):
    entries, out, errors = wagtail_entries(domain), [HEADER], []
    tsv = DOMAINS[domain].name
    for number, key, vi in pairs(domain):
        entry = entries.get(key)
        if entry is None:
            errors.append(f"{tsv}:{number}: not a Wagtail msgid: {key!r}")
            continue
        source = set(PLACEHOLDER.findall(entry["msgid"] + entry.get("msgid_plural", "")))
        if entry["python_format"] and not set(PLACEHOLDER.findall(vi)) <= source:
            errors.append(f"{tsv}:{number}: placeholders differ: {key!r}")
        lines = ["#, python-format"] if entry["python_format"] else []
        if "msgctxt" in entry:
            lines.append(f'msgctxt "{entry["msgctxt"]}"')
        lines.append(f'msgid "{entry["msgid"]}"')
        if "msgid_plural" in entry:
            lines += [f'msgid_plural "{entry["msgid_plural"]}"', f'msgstr[0] "{vi}"']
        else:
            lines.append(f'msgstr "{vi}"')
        out.append("\n".join(lines) + "\n")
    return "\n".join(out), errors


def main(argv):
    status = 0
    for domain in DOMAINS:
        po = LC / f"{domain}.po"
        text, errors = build(domain)
        if errors:
            print("\n".join(errors), file=sys.stderr)
            status = 1
        elif "--check" in argv:
            if (po.read_text(encoding="utf-8") if po.exists() else "") != text:
                print(f"{po.relative_to(ROOT)} is stale: run tools/build_vi_po.py", file=sys.stderr)
                status = 1
        else:
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_text(text, encoding="utf-8")
            print(f"{po.relative_to(ROOT)}: {text.count(chr(10) + 'msgid ')} entries")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
