"""Fill English translations into locale/en/LC_MESSAGES/django.po from tools/en.tsv.

Usage: python tools/fill_po.py  (then `manage.py compilemessages`).
en.tsv holds one "Vietnamese<TAB>English" pair a line; entries already
translated in the .po are kept.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
TSV = ROOT / "tools" / "en.tsv"


def main():
    pairs = {}
    for line in TSV.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            vi, en = line.split("\t", 1)
            pairs[vi] = en
    text = PO.read_text(encoding="utf-8")
    text = text.replace(
        '"Content-Type: text/plain; charset=CHARSET\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
    )
    text = re.sub(r"#, fuzzy\n(?=msgid \"\")", "", text, count=1)

    def fill(m):
        msgid, msgstr = m.group(1), m.group(2)
        if msgstr or msgid not in pairs:
            return m.group(0)
        en = pairs[msgid].replace('"', '\\"')
        return f'msgid "{msgid}"\nmsgstr "{en}"'

    text = re.sub(r'msgid "((?:[^"\\]|\\.)+)"\nmsgstr "((?:[^"\\]|\\.)*)"', fill, text)
    PO.write_text(text, encoding="utf-8")
    missing = len(re.findall(r'msgid "(?:[^"\\]|\\.)+"\nmsgstr ""\n\n', text))
    print(f"{PO.relative_to(ROOT)}: {missing} entries still untranslated")


if __name__ == "__main__":
    main()
