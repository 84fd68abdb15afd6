"""Parsing what a user typed into a safe, engine-neutral query.

Nothing the user types reaches an engine's query language: words are reduced to
letters and digits, quoted parts become phrases, document numbers ("30/2020/NĐ-CP")
and dotted codes (a procedure's "1.004662") are kept whole.
Each engine builds its own query (FTS5 MATCH with every token quoted, tsquery
from lexemes, Elasticsearch bool/match clauses) from a ParsedQuery.

Long queries (a pasted law title runs to 60 syllables) are answered, with a bounded
cost: past SHORT_QUERY words, the stop-syllables stop being required, at most
MAX_REQUIRED words must match, no word is a prefix, and the whole query (its first
MAX_PHRASE words) only ranks, as a phrase. Only abusive input is refused.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from vietnamese.folding import fold, has_diacritics, raw_tokens, tokens
from vietnamese.numbers import find_document_numbers

MAX_QUERY_LENGTH = 600  # characters: a 60-syllable title with its marks is ~350
MAX_WORDS = 80  # beyond this the input is not a query
SHORT_QUERY = 8  # words; up to this many, every word is required
MAX_REQUIRED = 12  # words an item must contain, in a long query
MAX_PHRASE = 24  # words of the query that rank as a phrase
MIN_PREFIX = 2  # a shorter last word is not expanded as a prefix
# Function syllables (folded): not required in a long query, still ranked and marked.
_STOP = (
    "va cua cac nhung ve cho la duoc trong theo voi tai nay do mot khi thi ma hoac den"
    " tren duoi sau nhu o bang vao ra"
)
STOP_SYLLABLES = frozenset(_STOP.split())
_QUOTES = re.compile(r"[\"“”„«»]([^\"“”„«»]*)(?:[\"“”„«»]|$)")
# A dotted code ("1.004662", "2.001890.000.00.00.H29", a task's "1.3"): one number.
_DOTTED = re.compile(r"(?<![\w.])\d+\.\d+(?:\.[0-9A-Za-z]+)*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class QueryError(ValueError):
    """The query cannot be searched; the message says why (in Vietnamese)."""


@dataclass
class NumberQuery:
    text: str  # as typed: "30/2020/NĐ"
    folded: str  # "30/2020/nd"
    tokens: list[str]  # ["30", "2020", "nd"]


@dataclass
class ParsedQuery:
    text: str = ""
    terms: list[str] = field(default_factory=list)  # folded words, all required
    phrases: list[list[str]] = field(default_factory=list)  # folded words in order
    numbers: list[NumberQuery] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)  # words typed with diacritics
    prefix_last: bool = True  # the last bare word also matches as a prefix
    words: list[str] = field(default_factory=list)  # every folded word, in order
    optional: list[str] = field(default_factory=list)  # terms that only rank (long query)

    @property
    def empty(self) -> bool:
        return not (self.terms or self.phrases or self.numbers)

    @property
    def phrase(self) -> list[str]:
        """The query's words as one phrase, which ranks (no phrase for one word)."""
        return self.words[:MAX_PHRASE] if len(self.words) > 1 else []

    @property
    def highlight_words(self) -> list[str]:
        words = [*self.terms, *self.optional]
        for phrase in self.phrases:
            words.extend(phrase)
        for number in self.numbers:
            words.extend(number.tokens)
        return words

    @property
    def prefix_word(self) -> str:
        """The word also matched as a prefix ("" when none)."""
        return self.terms[-1] if self.prefix_last and self.terms else ""


def parse_query(text: str | None) -> ParsedQuery:
    """Parse a user query; raise QueryError when it is too long or malformed."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            _("Từ khóa tìm kiếm quá dài (tối đa %(max)s ký tự).") % {"max": MAX_QUERY_LENGTH}
        )
    if _CONTROL.search(text):
        raise QueryError(_("Từ khóa tìm kiếm chứa ký tự không hợp lệ."))
    parsed = ParsedQuery(text=text, words=tokens(text))
    if len(parsed.words) > MAX_WORDS:
        raise QueryError(
            _("Từ khóa tìm kiếm có quá nhiều từ (tối đa %(max)s từ).") % {"max": MAX_WORDS}
        )
    rest = text
    for match in _QUOTES.finditer(text):
        words = tokens(match.group(1))
        if len(words) == 1:
            parsed.terms.extend(words)
        elif words:
            parsed.phrases.append(words[:MAX_PHRASE])
        parsed.exact.extend(w for w in raw_tokens(match.group(1)) if has_diacritics(w))
    rest = _QUOTES.sub(" ", text)
    ends_with_word = bool(rest) and rest[-1].isalnum()
    for find in (find_document_numbers, _DOTTED.findall):  # numbers first, then codes
        for number in find(rest):
            parsed.numbers.append(NumberQuery(number, fold(number), tokens(number)))
            rest = rest.replace(number, " ", 1)
    words = tokens(rest)
    parsed.terms.extend(words)
    parsed.exact.extend(w for w in raw_tokens(rest) if has_diacritics(w))
    parsed.prefix_last = (
        bool(words) and ends_with_word and not parsed.numbers and len(words[-1]) >= MIN_PREFIX
    )
    # Drop duplicates, keep order.
    parsed.terms = list(dict.fromkeys(parsed.terms))
    parsed.exact = list(dict.fromkeys(parsed.exact))[:MAX_REQUIRED]
    if len(parsed.words) > SHORT_QUERY:
        _bound_long_query(parsed)
    return parsed


def _bound_long_query(parsed: ParsedQuery) -> None:
    """A long query requires its first MAX_REQUIRED content words; the rest only rank."""
    content = [t for t in parsed.terms if t not in STOP_SYLLABLES]
    required = (content or parsed.terms)[:MAX_REQUIRED]
    parsed.optional = [t for t in parsed.terms if t not in required]
    parsed.terms = required
    parsed.prefix_last = False
