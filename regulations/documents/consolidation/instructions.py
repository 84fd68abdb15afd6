"""Chỉ dẫn sửa đổi: one instruction sentence → typed operations on the base document.

Forms read (the amending laws in the corpus):
- verb first: "Sửa đổi, bổ sung khoản 1; bổ sung khoản 7 và khoản 8 Điều 2 như sau:";
- target first: "Các khoản 4, 7 và 8 Điều 5 được sửa đổi, bổ sung như sau:";
- insert with an anchor or a container: "Bổ sung Điều 10a vào sau Điều 10",
  "bổ sung điểm đ và điểm e vào khoản 1 Điều 13";
- repeal (bãi bỏ): "Bãi bỏ khoản 3 Điều 7", "Bãi bỏ Điều 12, Điều 15";
- words: "Thay thế cụm từ “A” bằng cụm từ “B” tại khoản 2 Điều 4 và Điều 9",
  "bỏ cụm từ “A” tại …", "bổ sung cụm từ “A” vào sau cụm từ “B” tại …".

The quoted units are matched to the replaced or inserted targets in order (by level
and number first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..structure import ProvisionLevel as L
from . import targets
from .quotes import Split, Unit, classify, parse_units, split_instruction, units_for

REPLACE = "replace"
INSERT = "insert"
REPEAL = "repeal"
REPLACE_WORDS = "replace_words"
REMOVE_WORDS = "remove_words"

# Reasons an operation cannot be applied (lý do), with the officer's message.
REASONS = {
    "target_not_found": "Không tìm thấy quy định được sửa đổi trong văn bản gốc",
    "ambiguous": "Chỉ dẫn không xác định được một quy định duy nhất",
    "form_not_recognised": "Không nhận ra dạng chỉ dẫn",
    "quote_missing": "Không có nội dung trích dẫn tương ứng",
    "words_not_found": "Không tìm thấy cụm từ cần thay trong quy định",
    "other_law": "Chỉ dẫn sửa đổi một văn bản khác",
    "already_exists": "Quy định bổ sung đã có trong văn bản gốc",
}

_VERBS = [
    (REPLACE_WORDS, r"(?:thay(?:\s+thế)?|sửa\s+đổi)\s+(?:các\s+|một\s+số\s+)?(?:cụm\s+)?từ"),
    (REMOVE_WORDS, r"bỏ\s+(?:các\s+|một\s+số\s+)?(?:cụm\s+)?từ"),
    ("insert_words", r"bổ\s+sung\s+(?:các\s+|một\s+số\s+)?(?:cụm\s+)?từ"),
    (REPLACE, r"(?:được\s+)?sửa\s+đổi\s*,?\s*bổ\s+sung"),
    (REPLACE, r"(?:được\s+)?sửa\s+đổi"),
    (REPLACE, r"(?:được\s+)?thay\s+thế"),
    (REPEAL, r"(?:được\s+)?bãi\s+bỏ"),
    (INSERT, r"(?:được\s+)?bổ\s+sung"),
    (REPEAL, r"\bbỏ(?=\s+(?:các\s+)?(?:điều|khoản|điểm|chương|mục)\b)"),
]
VERB_RE = re.compile("|".join(f"(?P<v{i}>{p})" for i, (_a, p) in enumerate(_VERBS)), re.I)
PASSIVE_WORDS_RE = re.compile(
    r"(?:cụm\s+)?từ\s+[“\"][^”\"]*[”\"]\s+(?:được\s+)?(?:thay\s+(?:thế\s+)?)?bằng\b", re.I
)
TITLE_RE = re.compile(
    r"\btên\s+(?:của\s+)?(?:(?:Điều|điều)\s+\d+[a-zđ]?|(?:Chương|chương|Mục|mục|Phần|phần)"
    r"\s+[\wđ]+(?:\s+(?:Chương|Phần)\s+[\wđ ]+?(?=\s+(?:và|như|của)\b|[,;:]|$))?|[Đđ]iều\b)"
)
SCOPE_BETWEEN_RE = re.compile(
    r"[“\"]([^”\"]*)[”\"]\s+(?:tại|ở|trong)\s+(.+?)\s+(?:bằng|thành)\s+(?:cụm\s+)?(?:từ\s+)?"
    r"[“\"]([^”\"]*)[”\"]",
    re.I,
)
INTRO_TEXT_RE = re.compile(r"đoạn\s+mở\s+đầu|nội\s+dung\s+đoạn", re.I)
ANCHOR_RE = re.compile(r"\b(vào\s+sau|vào\s+trước|vào|sau)\b", re.I)
QUOTED_RE = re.compile(r"[“\"]([^”\"]*)[”\"]")
SCOPE_RE = re.compile(r"\b(?:tại|ở|trong|của)\b", re.I)
WHOLE_RE = re.compile(r"(?:toàn\s+bộ|trong\s+(?:Bộ\s+)?Luật|các\s+điều|Luật\s+này)", re.I)


@dataclass
class Operation:
    """One change on the base document (thao tác): what, where, and the new text."""

    action: str
    path: str  # target unit; "" = the whole document (word replacements)
    anchor: str = ""  # insert: the unit to insert after ("" = place by number)
    unit: Unit | None = None  # replace/insert: the quoted unit
    old: str = ""  # words
    new: str = ""
    error: str = ""  # a reason code from REASONS when the reader already knows
    law: str = ""  # "của Luật … số …" written after the target: maybe another law
    before: bool = False  # insert just before `anchor` ("vào trước Điều 99")
    part: str = ""  # "title" (tên điều), "text" (đoạn mở đầu); "" = the whole unit


@dataclass
class Parsed:
    """An instruction read: its actions in order and its operations."""

    instruction: str
    actions: list[str] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)

    @property
    def action(self) -> str:
        return self.actions[0] if self.actions else ""


def verbs(text: str) -> list[tuple[str, int, int]]:
    """(action, start, end) of every instruction verb in the sentence."""
    found = []
    for match in VERB_RE.finditer(text):
        index = int(match.lastgroup[1:])
        found.append((_VERBS[index][0], match.start(), match.end()))
    return found


def read_instruction(text: str, context=()) -> Parsed:
    """Read one instruction provision (instruction line + quotation)."""
    split = split_instruction(text)
    sentence = split.instruction
    parsed = Parsed(sentence)
    found = verbs(sentence)
    if PASSIVE_WORDS_RE.search(sentence):
        found = [(REPLACE_WORDS, 0, 0)]
    if not found:
        return parsed
    first = found[0][0]
    if first in (REPLACE_WORDS, REMOVE_WORDS, "insert_words"):
        parsed.actions = [REPLACE_WORDS if first == "insert_words" else first]
        for verb, part in _word_sentences(sentence[found[0][1] :]):
            parsed.operations += _word_operations(verb, part, context)
        return parsed
    parsed.actions = list(dict.fromkeys(a for a, _s, _e in found))
    title_op, sentence, split = _title(sentence, split, context)
    found = verbs(sentence)
    stream = _stream(sentence, found) if found else []
    refs = targets.resolve([t for t, _action in stream], context)
    actions = {id(t): action for t, action in stream}
    operations = _unit_operations(refs, actions, _quoted_units(refs, actions, split))
    if INTRO_TEXT_RE.search(sentence):
        for op in operations:
            op.part = "text" if op.action == REPLACE else op.part
    if title_op is not None:
        if not title_op.path:
            title_op.path = next((_article(r) for r in refs if _article(r)), "")
        operations.insert(0, title_op)
    parsed.operations = operations
    return parsed


def _title(sentence: str, split, context):
    """ "Sửa đổi, bổ sung tên điều và khoản 1 Điều 206": an operation on the heading's
    title, the sentence without "tên …", and the quotation without the heading line."""
    match = TITLE_RE.search(sentence)
    if not match or not split.quoted:
        return None, sentence, split
    head = classify(split.quoted[0], None)
    if not head or head[0] not in (L.ARTICLE, L.CHAPTER, L.SECTION):
        return None, sentence, split
    level, number, title = head
    named = targets.resolve(targets.tokens(match.group(0)), context)
    path = named[0].path if named else ""
    if not path and context:
        path = targets.path_of(list(context))
    if not path and level == L.ARTICLE and " và " not in sentence[match.end() :]:
        path = targets.path_of([(level, number)])
    op = Operation(REPLACE, path, part="title", new=title.rstrip("."))
    rest = sentence[: match.start()] + sentence[match.end() :]
    rest_split = Split(split.instruction, split.quoted[1:], split.opens[1:])
    return op, rest, rest_split


def _article(ref) -> str:
    for token in ref.chain:
        if token.level == L.ARTICLE:
            return targets.path_of([(token.level, token.number)])
    return ""


def _quoted_units(refs, actions, split) -> list[Unit]:
    """The quoted units, cut at the replaced/inserted targets' labels when possible."""
    expected = [
        (r.chain[0].level, r.chain[0].number)
        for r in refs
        if r.role == "target" and actions.get(id(r.chain[0])) in (REPLACE, INSERT)
    ]
    return units_for(split, expected) or parse_units(split.quoted)


def _stream(sentence: str, found) -> list[tuple[targets.Token, str]]:
    """Every cited unit with the action of its verb, in an order `resolve` can attach."""
    stream: list[tuple[targets.Token, str]] = []
    before = _until_as_follows(sentence[: found[0][1]])
    pre = targets.tokens(before)
    for i, (action, _start, end) in enumerate(found):
        stop = found[i + 1][1] if i + 1 < len(found) else len(sentence)
        segment = _until_as_follows(sentence[end:stop])
        own = _segment_tokens(action, segment)
        if i == 0 and pre:
            if action == INSERT and own:  # "Điều 5 được bổ sung khoản 3a": Điều 5 contains
                own += [targets.Token(t.level, t.number, "container") for t in pre]
            else:
                own = pre + own
        stream += [(t, action) for t in own]
    return stream


def _until_as_follows(text: str) -> str:
    return re.split(r"\bnhư\s+sau\b|:", text, maxsplit=1, flags=re.I)[0]


def _segment_tokens(action: str, segment: str) -> list[targets.Token]:
    if action != INSERT:
        return targets.tokens(segment)
    parts = ANCHOR_RE.split(segment)
    found = targets.tokens(parts[0])
    for word, right in zip(parts[1::2], parts[2::2], strict=True):
        role = {"vào sau": "anchor", "sau": "anchor", "vào trước": "before"}.get(
            " ".join(word.lower().split()), "container"
        )
        found += targets.tokens(right, role)
    return found


def _unit_operations(refs, actions, units: list[Unit]) -> list[Operation]:
    operations: list[Operation] = []
    remaining = list(units)
    last_insert = ""
    anchors = [r for r in refs if r.role == "anchor"]
    befores = [r for r in refs if r.role == "before"]
    laws, law = {}, ""
    for ref in reversed(refs):  # "Bãi bỏ các điều 32, 33 … của Luật X": X for all
        law = ref.law or law
        laws[id(ref)] = law
    for ref in refs:
        if ref.role != "target":
            continue
        action = actions.get(id(ref.chain[0]), REPLACE)
        op = Operation(action, ref.path, law=laws[id(ref)])
        if action in (REPLACE, INSERT):
            op.unit = _take_unit(remaining, ref.chain[0])
            if op.unit is None and not op.error:
                op.error = "quote_missing"
        if action == INSERT and (anchors or befores):
            op.anchor = last_insert or (anchors or befores)[0].path
            op.before = not last_insert and not anchors
            last_insert = ref.path
        operations.append(op)
    return operations


def _take_unit(remaining: list[Unit], token: targets.Token) -> Unit | None:
    """The quoted unit for a target: same level and number, else the next of its level."""
    for match in (
        lambda u: u.level == token.level and u.number == token.number,
        lambda u: u.level == token.level,
    ):
        for i, unit in enumerate(remaining):
            if match(unit):
                return remaining.pop(i)
    if len(remaining) == 1 and not remaining[0].level:
        return remaining.pop(0)
    return None


def _word_sentences(text: str) -> list[tuple[str, str]]:
    """ "thay thế … tại Điều 5; bỏ cụm từ … tại Điều 7" → one part per verb."""
    parts = re.split(r"[;.]\s*(?=(?:thay|bỏ|bổ\s+sung|sửa\s+đổi)\b)", text, flags=re.I)
    out = []
    for part in parts:
        if PASSIVE_WORDS_RE.search(part):
            out.append((REPLACE_WORDS, part))
            continue
        found = verbs(part)
        if found and found[0][0] in (REPLACE_WORDS, REMOVE_WORDS, "insert_words"):
            out.append((found[0][0], part))
    return out


def _word_operations(verb: str, text: str, context) -> list[Operation]:
    """ "cụm từ “A” bằng cụm từ “B” tại khoản 2 Điều 4 và Điều 9" → one op per unit."""
    middle = SCOPE_BETWEEN_RE.search(text)
    if middle and verb == REPLACE_WORDS:  # “A” tại <units> bằng cụm từ “B”
        old, scope, new = middle.groups()
        refs = targets.resolve(targets.tokens(scope), context)
        return [Operation(REPLACE_WORDS, r.path, old=old, new=new) for r in refs]
    quoted = QUOTED_RE.findall(text)
    last_quote = max((m.end() for m in QUOTED_RE.finditer(text)), default=0)
    scope_match = SCOPE_RE.search(text, last_quote)
    scope = text[scope_match.end() :] if scope_match else ""
    refs = targets.resolve(targets.tokens(scope), context)
    paths = [r.path for r in refs if r.role == "target"]
    if not paths and (WHOLE_RE.search(scope) or not scope.strip()) and not context:
        paths = [""]
    elif not paths and context:
        paths = [targets.path_of(list(context))]
    pairs = _word_pairs(verb, text, quoted)
    if not pairs:
        return [Operation(REPLACE_WORDS, p, error="form_not_recognised") for p in paths]
    action = REMOVE_WORDS if verb == REMOVE_WORDS else REPLACE_WORDS
    return [Operation(action, p, old=old, new=new) for p in paths for old, new in pairs]


def _word_pairs(verb: str, text: str, quoted: list[str]) -> list[tuple[str, str]]:
    if verb == REMOVE_WORDS:
        return [(q, "") for q in quoted]
    if verb == "insert_words":
        # "bổ sung cụm từ “X” vào sau cụm từ “Y”" = Y → "Y X"
        if len(quoted) == 2 and re.search(r"vào\s+sau", text, re.I):
            return [(quoted[1], f"{quoted[1]} {quoted[0]}")]
        if len(quoted) == 2 and re.search(r"vào\s+trước", text, re.I):
            return [(quoted[1], f"{quoted[0]} {quoted[1]}")]
        return []
    pairs = re.findall(
        r"[“\"]([^”\"]*)[”\"]\s*(?:được\s+)?(?:thay\s+(?:thế\s+)?)?(?:thành|bằng)\s+(?:các\s+)?(?:cụm\s+)?(?:từ\s+)?[“\"]([^”\"]*)[”\"]",
        text,
        flags=re.I,
    )
    return pairs
