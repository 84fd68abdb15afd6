"""Ranking, grouping, long queries and snippets: behaviours every engine must have.

Mixed into SearchEngineContract (contract.py), whose `index`, `search` and `keys`
these tests use; `keys` reads a page as a reader does, each group's head first.
"""

from search.engines.base import GROUP_CHILDREN, flat_hits

from .contract_data import (
    AMENDING_LAW,
    AMENDING_TITLE,
    CHILDREN_LAW,
    NAMED,
    RULES,
    amending_law,
    children_laws,
    licence_procedures,
    named_and_mentioning,
    phrase_items,
    title_items,
    working_rules,
)


class RankingContract:
    # -- the document before its provisions ------------------------------------------------
    def test_query_equal_to_a_document_title_returns_that_document_first(self):
        self.index(working_rules())
        assert self.keys("quy che lam viec")[0] == RULES
        assert self.keys("Quy chế làm việc")[0] == RULES

    def test_law_name_returns_the_law_before_its_provisions(self):
        self.index(children_laws())  # each provision's title carries the law's name
        hits = self.search("luật trẻ em").hits
        assert hits[0].key == CHILDREN_LAW
        assert all(child.parent == CHILDREN_LAW for child in hits[0].children)
        assert self.keys("luat tre em")[0] == CHILDREN_LAW

    def test_number_query_returns_the_document_before_its_provisions(self):
        self.index(working_rules())
        assert self.keys("125/QĐ-STTTT")[0] == RULES

    def test_provisions_of_one_document_take_at_most_n_of_the_first_page(self):
        self.index(working_rules())
        page = flat_hits(self.search("quy che lam viec").hits)
        assert sum(1 for h in page if h.parent == RULES) <= GROUP_CHILDREN
        head = page[0]
        assert head.key == RULES and head.members == 12  # "12 quy định khớp"
        assert [c.parent for c in head.children] == [RULES] * GROUP_CHILDREN

    def test_a_parent_filter_lists_all_matching_provisions_of_the_document(self):
        self.index(working_rules())
        results = self.search("quy che lam viec", parent=RULES)
        assert results.count == 12 and len(results.hits) == 12
        assert {h.parent for h in results.hits} == {RULES}

    def test_groups_are_the_unit_of_pages(self):
        self.index(working_rules())
        results = self.search("quy che lam viec", per_page=2)
        assert results.total == 13 + 2  # the document, its provisions, provisions 2 and 3
        assert results.count == 3  # groups: the rules, provision:2, provision:3
        assert len(results.hits) == 2 and results.num_pages == 2

    # -- phrase and title ---------------------------------------------------------------------
    def test_exact_phrase_beats_scattered_words(self):
        self.index(phrase_items())
        keys = self.keys("che do bao mat thong tin")
        assert keys.index("report:phrase") < keys.index("report:scattered")

    def test_a_title_beginning_with_the_query_beats_one_that_mentions_it(self):
        self.index(named_and_mentioning())  # the other's body repeats the words as well
        assert self.keys("quy che lam viec")[0] == NAMED
        assert self.keys("Quy chế làm việc")[0] == NAMED

    def test_title_match_beats_body_match(self):
        self.index(title_items())
        keys = self.keys("kiem dinh chat luong")
        assert keys.index("report:title") < keys.index("report:body")

    # -- highlights ---------------------------------------------------------------------------
    def test_highlights_are_the_matched_words_not_longer_words(self):
        self.index(working_rules())
        hit = self.search("quy che lam viec").hits[0]
        assert "<mark>Quy</mark> <mark>chế</mark>" in hit.title_html
        head = next(h for h in flat_hits(self.search("quy dinh").hits) if h.key == "report:marks")
        assert "<mark>quy</mark> <mark>định</mark>" in head.snippet
        assert "<mark>quyết</mark>" not in head.snippet.lower()

    def test_snippet_shows_the_phrase_first(self):
        self.index(phrase_items())
        hit = next(
            h for h in self.search("che do bao mat thong tin").hits if h.key == "report:late"
        )
        assert "<mark>chế</mark> <mark>độ</mark> <mark>bảo</mark> <mark>mật</mark>" in hit.snippet

    # -- snippets -----------------------------------------------------------------------------
    def test_two_items_with_different_texts_get_different_snippets(self):
        self.index(licence_procedures())
        hits = {h.key: h for h in self.search("thu tuc cap giay phep").hits}
        press, printing = hits["procedure:press"].snippet, hits["procedure:print"].snippet
        assert press != printing
        for snippet in (press, printing):
            assert "<mark>giấy</mark> <mark>phép</mark>" in snippet
        assert "xuất bản bản tin" in press and "hoạt động in" in printing

    # -- long queries -------------------------------------------------------------------------
    def test_a_pasted_law_title_of_55_syllables_is_answered(self):
        self.index(amending_law())
        assert len(AMENDING_TITLE.split()) >= 50
        assert self.keys(AMENDING_TITLE)[0] == AMENDING_LAW
        assert self.keys(AMENDING_TITLE.upper())[0] == AMENDING_LAW

    def test_a_pasted_title_with_a_word_left_out_still_finds_the_law(self):
        self.index(amending_law())
        assert self.keys(AMENDING_TITLE.replace(" độc lập", ""))[0] == AMENDING_LAW
