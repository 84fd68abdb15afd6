"""How the embedded engine matches and ranks, per database vendor.

The score multiplies the engine's own relevance (FTS5 bm25 with column weights,
PostgreSQL ts_rank with weights A/B/C) by factors a reader expects:

- in force over expired; the words as typed with their marks;
- the query's words as a phrase (in the title more than in the body);
- every required word in the title; a title equal to the query, or beginning with it
  (a name is typed from its start);
- a number equal to, or beginning with, the number typed.

Each factor is an indexed MATCH/@@ or a column comparison on the matched rows only.
"""

from ..query import ParsedQuery

IN_FORCE_BOOST = 1.5
EXACT_BOOST = 3.0
NUMBER_EXACT_BOOST = 3.0
NUMBER_PREFIX_BOOST = 2.0
TITLE_PHRASE_BOOST = 4.0
PHRASE_BOOST = 2.5
TITLE_WORDS_BOOST = 2.0
TITLE_EQUAL_BOOST = 6.0
TITLE_START_BOOST = 2.0


class Ranked:
    """The FROM, the WHERE (match) and the score of one query."""

    def __init__(self, source, match_sql, match_params, score, score_params, direction):
        self.source = source
        self.match_sql = match_sql
        self.match_params = match_params
        self.score = score
        self.score_params = score_params
        self.direction = direction  # "ASC" when lower scores are better


class _Dialect:
    def ranked(self, parsed: ParsedQuery) -> Ranked:
        raise NotImplementedError

    def factors(self, parsed: ParsedQuery):
        """(sql, params) multiplied into the score."""
        sql, params = [_case("e.in_force", IN_FORCE_BOOST)], []
        for test, boost, test_params in self.tests(parsed):
            sql.append(_case(test, boost))
            params += test_params
        if parsed.words and len(parsed.words) > 1:
            sql.append(_case("e.idx_title = %s", TITLE_EQUAL_BOOST))
            params.append(" ".join(parsed.words))
        if parsed.phrase:
            start = " ".join(parsed.phrase) + " "
            sql.append(_case("substr(e.idx_title, 1, %s) = %s", TITLE_START_BOOST))
            params += [len(start), start]
        for number in parsed.numbers:
            sql.append(
                f"(CASE WHEN e.number_folded = %s THEN {NUMBER_EXACT_BOOST}"
                f" WHEN substr(e.number_folded, 1, %s) = %s THEN {NUMBER_PREFIX_BOOST}"
                " ELSE 1.0 END)"
            )
            params += [number.folded, len(number.folded), number.folded]
        return " * ".join(sql), params

    def tests(self, parsed: ParsedQuery):
        """(sql, boost, params) for the full-text factors: exact words, phrase, title."""
        raise NotImplementedError


def _case(test, boost):
    return f"(CASE WHEN {test} THEN {boost} ELSE 1.0 END)"


class SQLiteDialect(_Dialect):
    ALL = "{idx_number idx_title idx_body}"
    TEXT = "{idx_title idx_body}"
    IN_MATCH = "e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"
    # " w1 w2 " in the title: those words, side by side; " w": a word starting with w.
    IN_TITLE = "instr(' ' || e.idx_title || ' ', %s) > 0"
    TITLE_STARTS_WORD = "instr(' ' || e.idx_title, %s) > 0"

    def _terms(self, parsed, columns):
        parts = []
        for term in parsed.terms:
            star = "*" if term == parsed.prefix_word and term == parsed.terms[-1] else ""
            parts.append(f'{columns} : "{term}"{star}')
        return parts

    def expression(self, parsed: ParsedQuery) -> str:
        parts = self._terms(parsed, self.ALL)
        for phrase in parsed.phrases:
            parts.append(f'{self.TEXT} : "{" ".join(phrase)}"')
        for number in parsed.numbers:
            parts.append(f'{self.ALL} : "{" ".join(number.tokens)}"*')
        return " AND ".join(parts)

    def tests(self, parsed):
        """The title tests read the matched row's idx_title (its words, one space
        apart, as FTS5 tokenises them): each IN_MATCH is a MATCH over the whole index,
        which for common words costs as much as the query's own MATCH."""
        tests = []
        if parsed.exact:
            exact = " AND ".join(f'"{w}"' for w in parsed.exact)
            tests.append((self.IN_MATCH, EXACT_BOOST, [f"{{idx_exact}} : ({exact})"]))
        if parsed.phrase:
            phrase = " ".join(parsed.phrase)
            tests.append((self.IN_TITLE, TITLE_PHRASE_BOOST, [f" {phrase} "]))
            tests.append((self.IN_MATCH, PHRASE_BOOST, [f'{self.TEXT} : "{phrase}"']))
        if len(parsed.terms) > 1:
            words, params = [], []
            for term in parsed.terms:
                prefix = term == parsed.prefix_word and term == parsed.terms[-1]
                words.append(self.TITLE_STARTS_WORD if prefix else self.IN_TITLE)
                params.append(f" {term}" if prefix else f" {term} ")
            tests.append((" AND ".join(words), TITLE_WORDS_BOOST, params))
        return tests

    def ranked(self, parsed: ParsedQuery) -> Ranked:
        factors, params = self.factors(parsed)
        return Ranked(
            "search_fts JOIN search_searchentry e ON e.id = search_fts.rowid",
            "search_fts MATCH %s",
            [self.expression(parsed)],
            f"bm25(search_fts, 10.0, 4.0, 1.0, 0.0) * {factors}",
            params,
            "ASC",  # bm25: lower is better
        )


class PostgresDialect(_Dialect):
    MATCHES = "e.fts @@ to_tsquery('simple', %s)"

    def _terms(self, parsed, weight=""):
        parts = []
        for term in parsed.terms:
            star = "*" if term == parsed.prefix_word and term == parsed.terms[-1] else ""
            parts.append(f"'{term}':{star}{weight}" if star or weight else f"'{term}'")
        return parts

    def tsquery(self, parsed: ParsedQuery) -> str:
        parts = self._terms(parsed)
        for phrase in parsed.phrases:
            parts.append("(" + " <-> ".join(f"'{w}'" for w in phrase) + ")")
        for number in parsed.numbers:
            words = [f"'{w}'" for w in number.tokens]
            words[-1] += ":*"
            parts.append("(" + " <-> ".join(words) + ")")
        return " & ".join(parts)

    def tests(self, parsed):
        tests = []
        if parsed.exact:
            exact = " & ".join(f"'{w}'" for w in parsed.exact)
            tests.append(("e.fts_exact @@ to_tsquery('simple', %s)", EXACT_BOOST, [exact]))
        if parsed.phrase:
            title = " <-> ".join(f"'{w}':B" for w in parsed.phrase)
            text = " <-> ".join(f"'{w}'" for w in parsed.phrase)
            tests.append((self.MATCHES, TITLE_PHRASE_BOOST, [title]))
            tests.append((self.MATCHES, PHRASE_BOOST, [text]))
        if len(parsed.terms) > 1:
            tests.append((self.MATCHES, TITLE_WORDS_BOOST, [" & ".join(self._terms(parsed, "B"))]))
        return tests

    def ranked(self, parsed: ParsedQuery) -> Ranked:
        query = self.tsquery(parsed)
        weights = "{0.05, 0.2, 0.6, 1.0}"  # D, C (body), B (title), A (number)
        # Normalisation 1: the rank over 1 + log(length), as bm25 weighs length: an item
        # that repeats the words in a long text (a notice quoting a task) does not
        # outrank the short item they name.
        factors, params = self.factors(parsed)
        return Ranked(
            "search_searchentry e",
            "e.fts @@ to_tsquery('simple', %s)",
            [query],
            f"ts_rank('{weights}', e.fts, to_tsquery('simple', %s), 1) * {factors}",
            [query, *params],
            "DESC",
        )
