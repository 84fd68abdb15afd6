"""One set of search behaviours every engine must have (like Wagtail's backend tests).

A test class per engine mixes this in and provides the `engine` fixture.
"""

from datetime import date

import pytest

from search.engines.base import SearchRequest, flat_hits, item_to_doc
from search.query import parse_query

from .contract_items import item
from .contract_ranking import RankingContract

PLAN = "572/KH-STTTT"


def corpus():
    nd_facets = {
        "type": "Nghị định",
        "issuer": "Chính phủ",
        "year": "2020",
        "status": "Còn hiệu lực",
    }
    kh_facets = {"type": "Kế hoạch", "issuer": "Sở TTTT", "year": "2017", "status": "Còn hiệu lực"}
    return [
        item(
            "document:1",
            "Năm kỷ cương hành chính 2017",
            "Tăng cường kỷ luật, kỷ cương hành chính, đổi mới lề lối làm việc.",
            kind="document",
            number=PLAN,
            facets=kh_facets,
            date=date(2017, 3, 31),
        ),
        item(
            "provision:1",
            "Điều 3. Đơn giản hóa thủ tục hành chính",
            "Rà soát, đơn giản hóa thủ tục; rút ngắn thời gian giải quyết.",
            number=PLAN,
            parent="document:1",
            facets=kh_facets,
            date=date(2017, 3, 31),
        ),
        item(
            "provision:2",
            "Điều 5. Quy chế làm việc",
            "Ban hành quy chế làm việc của cơ quan theo nguyên tắc một đầu mối.",
            number="30/2020/NĐ-CP",
            facets=nd_facets,
            date=date(2020, 3, 5),
        ),
        item(
            "provision:3",
            "Điều 7. Trách nhiệm thi hành",
            "Các đơn vị làm việc theo quy chế đã ban hành.",
            number="30/2020/NĐ-CP",
            facets=nd_facets,
            date=date(2020, 3, 5),
        ),
        item(
            "document:2",
            "Nghị định về giá dịch vụ",
            "Quy định về giá.",
            kind="document",
            number="30/2021/NĐ-CP",
            facets={**nd_facets, "year": "2021"},
            date=date(2021, 1, 1),
        ),
        item("provision:10", "Kỷ luật lao động", "Nội quy của đơn vị.", date=date(2018, 1, 1)),
        item("provision:11", "Kỳ luật lao động", "Nội quy của đơn vị.", date=date(2018, 1, 2)),
        item(
            "provision:20",
            "Điều 9. Thời hạn",
            "Thời hạn cấp giấy phép hoạt động in là mười lăm ngày.",
            in_force=False,
            date=date(2015, 1, 1),
        ),
        item(
            "provision:21",
            "Điều 9. Thời hạn",
            "Thời hạn cấp giấy phép hoạt động in là mười lăm ngày.",
            in_force=True,
            date=date(2019, 1, 1),
        ),
        item(
            "procedure:1",
            "Cấp giấy phép xuất bản bản tin",
            "Hồ sơ gồm tờ khai.",
            kind="procedure",
            date=date(2019, 6, 1),
        ),
        item(
            "provision:30",
            "Điều 2. Hồ sơ",
            "Tổ chức nộp hồ sơ đề nghị cấp giấy phép xuất bản bản tin tại bộ phận một cửa.",
            date=date(2019, 6, 1),
        ),
        item(
            "task:1",
            "Rà soát quy chế chi tiêu nội bộ",
            "Nhiệm vụ của Văn phòng Sở.",
            kind="task",
            public=False,
            facets={"unit": "Văn phòng Sở", "status": "dang_thuc_hien"},
        ),
        item(
            "provision:40",
            "Điều 1. Phạm vi",
            "<script>alert(1)</script> Quyết định về kỷ cương & kỷ luật.",
            date=date(2016, 1, 1),
        ),
    ]


class SearchEngineContract(RankingContract):
    """Behaviours; the subclass provides the `engine` fixture."""

    @pytest.fixture(autouse=True)
    def _corpus(self, engine):
        self.engine = engine
        self.index(corpus())

    def index(self, items):
        self.engine.index([item_to_doc(i, f"test:{i.key}") for i in items])
        self.engine.refresh()

    def search(self, q, include_private=False, page=1, per_page=20, sort="relevance", **filters):
        request = SearchRequest(
            query=parse_query(q),
            filters={k: v if isinstance(v, list) else [v] for k, v in filters.items()},
            page=page,
            per_page=per_page,
            sort=sort,
            include_private=include_private,
        )
        return self.engine.search(request)

    def keys(self, q, **kw):
        """The keys of a page in reading order: each group's head, then its members."""
        return [h.key for h in flat_hits(self.search(q, **kw).hits)]

    # -- Vietnamese folding ----------------------------------------------------------
    def test_query_without_diacritics_finds_ky_cuong(self):
        assert "document:1" in self.keys("ky cuong")

    def test_query_without_diacritics_finds_don_gian_hoa(self):
        assert "provision:1" in self.keys("don gian hoa")

    def test_letters_with_two_marks_fold(self):
        assert {"provision:2", "provision:3"} <= set(self.keys("quy che"))

    def test_d_with_stroke_folds_to_d_both_cases(self):
        assert "provision:1" in self.keys("DIEU 3")
        assert "provision:1" in self.keys("điều 3")
        assert "provision:1" in self.keys("ĐƠN GIẢN")

    def test_case_is_ignored(self):
        assert self.keys("KY CUONG HANH CHINH") == self.keys("ky cuong hanh chinh")

    def test_query_with_diacritics_also_finds_the_folded_word(self):
        keys = self.keys("kỷ luật lao động")
        assert {"provision:10", "provision:11"} <= set(keys)

    def test_exact_diacritics_rank_first(self):
        assert self.keys("kỷ luật lao động")[0] == "provision:10"
        assert self.keys("kỳ luật lao động")[0] == "provision:11"

    def test_last_word_matches_as_prefix(self):
        assert "document:1" in self.keys("ky cuo")

    # -- numbers ---------------------------------------------------------------------
    def test_number_exact(self):
        keys = self.keys("30/2020/NĐ-CP")
        assert {"provision:2", "provision:3"} == set(keys)

    def test_number_folded(self):
        assert set(self.keys("30/2020/ND-CP")) == {"provision:2", "provision:3"}

    def test_number_prefix(self):
        assert set(self.keys("30/2020/NĐ")) == {"provision:2", "provision:3"}
        assert "document:2" not in self.keys("30/2020/NĐ")
        assert set(self.keys("572/KH")) == {"document:1", "provision:1"}

    def test_number_query_ranks_the_document_first(self):
        assert self.keys("572/KH")[0] == "document:1"
        assert self.keys("572/KH-STTTT")[0] == "document:1"

    def test_number_with_words(self):
        assert self.keys("572/KH-STTTT don gian") == ["provision:1"]

    # -- phrases and ranking -------------------------------------------------------------
    def test_quoted_phrase_matches_as_phrase(self):
        assert self.keys('"quy chế làm việc"') == ["provision:2"]
        assert set(self.keys("quy che lam viec")) == {"provision:2", "provision:3"}

    def test_title_ranks_above_body(self):
        keys = self.keys("giay phep xuat ban ban tin")
        assert keys[0] == "procedure:1"
        assert "provision:30" in keys

    def test_in_force_ranks_above_expired(self):
        assert self.keys("thoi han giay phep hoat dong in") == ["provision:21", "provision:20"]

    def test_sort_by_date(self):
        keys = self.keys("thoi han giay phep", sort="date")
        assert keys == ["provision:21", "provision:20"]
        hits = self.search("quy che", sort="date").hits
        dates = [h.date for h in hits if h.date]
        assert dates == sorted(dates, reverse=True)

    # -- facets, filters, pagination --------------------------------------------------------
    def test_facet_counts(self):
        results = self.search("quy che")
        kinds = {f["value"]: f["count"] for f in results.facets["kind"]}
        assert kinds == {"provision": 2}
        assert {f["value"]: f["count"] for f in results.facets["type"]} == {"Nghị định": 2}
        assert results.count == 2

    def test_filters(self):
        assert self.keys("ky cuong", kind="document") == ["document:1"]
        assert set(self.keys("giay phep", kind=["procedure", "document"])) == {"procedure:1"}
        assert set(self.keys("quy", year="2020")) == {"provision:2", "provision:3"}
        assert self.keys("quy", year="1999") == []

    def test_filters_without_query_browse_by_date(self):
        keys = self.keys("", type="Nghị định")
        assert keys[0] == "document:2"
        assert set(keys) == {"document:2", "provision:2", "provision:3"}

    def test_pagination(self):
        self.index(
            [
                item(f"report:{i}", f"Báo cáo tháng {i}", "Báo cáo định kỳ", kind="report")
                for i in range(25)
            ]
        )
        first = self.search("bao cao", per_page=10, page=1)
        third = self.search("bao cao", per_page=10, page=3)
        second = self.search("bao cao", per_page=10, page=2)
        assert first.count == 25 and first.num_pages == 3
        assert len(first.hits) == 10 and len(second.hits) == 10 and len(third.hits) == 5
        all_keys = [h.key for r in (first, second, third) for h in r.hits]
        assert len(set(all_keys)) == 25
        assert self.search("bao cao", per_page=10, page=9).hits == []

    def test_staff_only_items_hidden_from_public(self):
        assert "task:1" not in self.keys("ra soat quy che chi tieu")
        assert "task:1" in self.keys("ra soat quy che chi tieu", include_private=True)

    # -- snippets -------------------------------------------------------------------------
    def test_snippet_highlights_folded_match_and_escapes_html(self):
        hit = next(h for h in self.search("ky cuong").hits if h.key == "provision:40")
        assert "<mark>kỷ</mark>" in hit.snippet and "<mark>cương</mark>" in hit.snippet
        assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet
        assert "&amp;" in hit.snippet

    def test_hit_fields(self):
        hit = self.search("don gian hoa").hits[0]
        assert hit.key == "provision:1"
        assert hit.number == PLAN
        assert hit.url == "/van-ban/provision-1/"
        assert hit.date == date(2017, 3, 31)
        assert "<mark>" in hit.title_html

    # -- updates and deletes -----------------------------------------------------------------
    def test_update_replaces_entry(self):
        self.index([item("provision:1", "Điều 3. Minh bạch", "Công khai thủ tục.", number=PLAN)])
        assert self.keys("don gian hoa") == []
        assert self.keys("minh bach") == ["provision:1"]

    def test_delete(self):
        self.engine.delete(["document:1", "no-such-key"])
        self.engine.refresh()
        assert "document:1" not in self.keys("ky cuong")

    def test_purge_keeps_listed_keys(self):
        self.engine.purge("test:provision:2", [])
        self.engine.purge("test:provision:3", ["provision:3"])
        self.engine.refresh()
        assert self.keys("30/2020/NĐ-CP") == ["provision:3"]

    def test_replace_makes_each_source_hold_exactly_its_new_items(self):
        new = item("provision:2", "Điều 9. Minh bạch", "Công khai thủ tục.", number=PLAN)
        self.engine.replace(
            {
                "test:provision:2": [item_to_doc(new, "test:provision:2")],
                "test:provision:3": [],  # the source is gone
            }
        )
        self.engine.refresh()
        assert self.keys("minh bach") == ["provision:2"]
        assert "provision:3" not in self.keys("30/2020/NĐ-CP")
        assert "document:1" in self.keys("ky cuong")  # other sources are left alone

    # -- bad input --------------------------------------------------------------------------
    @pytest.mark.parametrize(
        "q",
        [
            'AND OR NOT " * ( ) : ^ { }',
            "NEAR(a b)",
            "title:x body:y",
            "*",
            "'; DROP TABLE search_searchentry; --",
            '"unclosed phrase',
            "a\\b/c",
            "-",
            "30/",
        ],
    )
    def test_malformed_queries_do_not_fail(self, q):
        results = self.search(q)
        assert results.count >= 0

    def test_punctuation_only_query_is_empty(self):
        assert self.search("!!! ??? ...").count == 0
