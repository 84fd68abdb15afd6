"""Fill English translations into locale/en/LC_MESSAGES/django.po from tools/en.tsv.

Usage: python tools/fill_po.py  (then `manage.py compilemessages`).
en.tsv holds one "Vietnamese<TAB>English" pair a line; for a plural msgid, the
singular Vietnamese, then the English singular and plural ("…<TAB>1 result<TAB>
%(counter)s results"; one English form serves both). en.tsv is the source: its
pairs replace what the .po holds, fuzzy guesses of makemessages included (often wrong:
"Trang trước" → "Home"); entries it lacks are left as they are.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
TSV = ROOT / "tools" / "en.tsv"

FIELD = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) "(.*)"$')


def _unescape(text):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def _escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def read_pairs():
    pairs = {}
    for line in TSV.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            vi, *english = line.split("\t")
            pairs[vi] = english
    return pairs


def parse_block(block):
    """A .po entry: its comment lines and its fields (name → unescaped text)."""
    comments, fields, order, current = [], {}, [], None
    for line in block.splitlines():
        match = FIELD.match(line)
        if match:
            current = match.group(1)
            fields[current] = match.group(2)
            order.append(current)
        elif line.startswith('"') and current:
            fields[current] += line[1:-1]
        else:
            comments.append(line)
    return comments, {k: _unescape(v) for k, v in fields.items()}, order


def fill_block(block, pairs):
    comments, fields, order = parse_block(block)
    msgid = fields.get("msgid", "")
    if not msgid or msgid not in pairs:
        return block, False
    fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in comments)
    plural = "msgid_plural" in fields
    english = pairs[msgid]
    forms = [english[0], english[1] if len(english) > 1 else english[0]]
    translated = [fields[k] for k in order if k.startswith("msgstr")]
    if not fuzzy and translated == (forms if plural else forms[:1]):
        return block, False
    kept = []
    for line in comments:
        if line.startswith("#|"):
            continue  # the previous msgid of a fuzzy guess
        if line.startswith("#,"):
            flags = [f.strip() for f in line[2:].split(",") if f.strip() != "fuzzy"]
            if not flags:
                continue
            line = "#, " + ", ".join(flags)
        kept.append(line)
    out = kept[:]
    if "msgctxt" in fields:
        out.append(f'msgctxt "{_escape(fields["msgctxt"])}"')
    out.append(f'msgid "{_escape(msgid)}"')
    if plural:
        out.append(f'msgid_plural "{_escape(fields["msgid_plural"])}"')
        out += [f'msgstr[{i}] "{_escape(form)}"' for i, form in enumerate(forms)]
    else:
        out.append(f'msgstr "{_escape(english[0])}"')
    return "\n".join(out), True


def untranslated(blocks):
    count = 0
    for block in blocks:
        comments, fields, order = parse_block(block)
        if not fields.get("msgid"):
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in comments)
        if fuzzy or not any(fields[k] for k in order if k.startswith("msgstr")):
            count += 1
    return count


def main():
    pairs = read_pairs()
    text = PO.read_text(encoding="utf-8")
    text = text.replace(
        '"Content-Type: text/plain; charset=CHARSET\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
    )
    text = re.sub(r"#, fuzzy\n(?=msgid \"\")", "", text, count=1)
    blocks = text.rstrip("\n").split("\n\n")
    filled = 0
    for i, block in enumerate(blocks):
        blocks[i], changed = fill_block(block, pairs)
        filled += changed
    PO.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    print(
        f"{PO.relative_to(ROOT)}: {filled} entries filled, "
        f"{untranslated(blocks)} still untranslated or fuzzy"
    )


if __name__ == "__main__":
    main()
