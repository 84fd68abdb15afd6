"""Parsing what a user typed into a safe, engine-neutral query.

Nothing the user types reaches an engine's query language: words are reduced to
letters and digits, quoted parts become phrases, document numbers are kept whole.
Each engine builds its own query (FTS5 MATCH with every token quoted, tsquery
from lexemes, Elasticsearch bool/match clauses) from a ParsedQuery.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .text import find_document_numbers, fold, has_diacritics, raw_tokens, tokens

MAX_QUERY_LENGTH = 200
MAX_TERMS = 24
_QUOTES = re.compile(r"[\"“”„«»]([^\"“”„«»]*)(?:[\"“”„«»]|$)")
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

    @property
    def empty(self) -> bool:
        return not (self.terms or self.phrases or self.numbers)

    @property
    def highlight_words(self) -> list[str]:
        words = list(self.terms)
        for phrase in self.phrases:
            words.extend(phrase)
        for number in self.numbers:
            words.extend(number.tokens)
        return words


def parse_query(text: str | None) -> ParsedQuery:
    """Parse a user query; raise QueryError when it is too long or malformed."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            _("Từ khóa tìm kiếm quá dài (tối đa %(max)s ký tự).") % {"max": MAX_QUERY_LENGTH}
        )
    if _CONTROL.search(text):
        raise QueryError(_("Từ khóa tìm kiếm chứa ký tự không hợp lệ."))
    parsed = ParsedQuery(text=text)
    rest = text
    for match in _QUOTES.finditer(text):
        words = tokens(match.group(1))
        if len(words) == 1:
            parsed.terms.extend(words)
        elif words:
            parsed.phrases.append(words)
        parsed.exact.extend(w for w in raw_tokens(match.group(1)) if has_diacritics(w))
    rest = _QUOTES.sub(" ", text)
    ends_with_word = bool(rest) and rest[-1].isalnum()
    for number in find_document_numbers(rest):
        parsed.numbers.append(NumberQuery(number, fold(number), tokens(number)))
        rest = rest.replace(number, " ", 1)
    words = tokens(rest)
    parsed.terms.extend(words)
    parsed.exact.extend(w for w in raw_tokens(rest) if has_diacritics(w))
    parsed.prefix_last = bool(words) and ends_with_word and not parsed.numbers
    if len(parsed.terms) + sum(len(p) for p in parsed.phrases) > MAX_TERMS:
        raise QueryError(
            _("Từ khóa tìm kiếm có quá nhiều từ (tối đa %(max)s từ).") % {"max": MAX_TERMS}
        )
    # Drop duplicates, keep order.
    parsed.terms = list(dict.fromkeys(parsed.terms))
    parsed.exact = list(dict.fromkeys(parsed.exact))
    return parsed
