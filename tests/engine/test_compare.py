"""compare() on real report pairs: the answers a reviewer checks first."""

from __future__ import annotations

import pytest

from reportdesk.engine.model import ChangeKind, PairKind, SectionStatus

from .conftest import comparison

NATIONAL_PAIRS = [(f"national/{y}.txt", f"national/{y + 1}.txt") for y in range(2013, 2025)]
HAILAR_PAIRS = [(f"hailar/{y}.txt", f"hailar/{y + 1}.txt") for y in range(2012, 2019)]


def test_cpi_target_highlight_is_the_number(national_2024_2025):
    hits = [c for c in national_2024_2025.changes if "3%左右" in c.old_text and "2%左右" in c.new_text]
    assert hits, "CPI change 3%左右 → 2%左右 not found"
    ch = hits[0]
    assert ch.kind is ChangeKind.REPLACE
    # The highlight is the value, not the sentence.
    assert ch.old_text == "3%左右" and ch.new_text == "2%左右"
    assert ch.is_target
    old, new = national_2024_2025.old, national_2024_2025.new
    assert old.text[ch.old.start : ch.old.end] == "3%左右"
    assert new.text[ch.new.start : ch.new.end] == "2%左右"
    pair = national_2024_2025.pairs[ch.pair]
    assert "居民消费价格涨幅3%左右" in old.text[pair.old.start : pair.old.end]
    assert "居民消费价格涨幅2%左右" in new.text[pair.new.start : pair.new.end]


def test_swapped_employment_clauses_are_a_move(national_2024_2025):
    moves = [c for c in national_2024_2025.changes if c.kind is ChangeKind.MOVE]
    swapped = [c for c in moves if "城镇调查失业率5.5%左右" in c.new_text or "城镇新增就业1200万人以上" in c.new_text]
    assert swapped, [c.new_text for c in moves]
    ch = swapped[0]
    assert ch.moved_from is not None and ch.moved_to is not None
    assert ch.old_text == ch.new_text
    # Nothing in that sentence is reported as deleted or inserted text.
    same_pair = [c for c in national_2024_2025.changes if c.pair == ch.pair and c.kind is not ChangeKind.MOVE]
    assert all("城镇" not in c.old_text + c.new_text for c in same_pair)


def test_grain_target_change_is_one_token(national_2024_2025):
    hits = [c for c in national_2024_2025.changes if c.old_text == "1.3万亿斤以上"]
    assert hits and hits[0].new_text == "1.4万亿斤左右"


def test_renamed_sections_pair_up(national_2024_2025):
    by_old = {m.old_heading: m for m in national_2024_2025.sections if m.old_heading}
    review = by_old["一、2023年工作回顾"]
    assert review.new_heading == "一、2024年工作回顾"
    assert review.status is SectionStatus.RENAMED
    statuses = {m.status for m in national_2024_2025.sections}
    assert {SectionStatus.NEW, SectionStatus.REMOVED} & statuses  # 2025 rewrote the reform section
    # 扩大内需 moved from third to first place among the tasks.
    demand = [m for m in national_2024_2025.sections if m.old_heading.startswith("（三）着力扩大国内需求")]
    assert demand and demand[0].new_heading.startswith("（一）") and demand[0].status is SectionStatus.MOVED


def test_hailar_gdp_target_found_despite_rearranged_paragraphs():
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    hits = [ch for ch in c.changes if "6%左右" in ch.old_text and "3.5%左右" in ch.new_text]
    assert hits, "hailar GDP target 6% → 3.5% not reported"
    pair = c.pairs[hits[0].pair]
    assert "地区生产总值增长" in c.old.text[pair.old.start : pair.old.end]


def test_identical_reports_have_no_changes():
    c = comparison("national/2025.txt", "national/2025.txt")
    assert c.changes == ()
    assert all(p.kind is PairKind.EQUAL for p in c.pairs)
    assert c.stats.similarity == 1.0


@pytest.mark.parametrize("old_rel,new_rel", NATIONAL_PAIRS + HAILAR_PAIRS)
def test_pairs_cover_both_reports_exactly_once(old_rel, new_rel):
    c = comparison(old_rel, new_rel)
    # A pair covers one sentence, or two adjacent sentences of one paragraph
    # (a sentence split in two, or two merged into one); each sentence is in
    # exactly one pair.  The exception is the front-matter pair: the title,
    # dateline, subtitle and speaker lines of both reports, diffed as one text.
    for side, report in (("old", c.old), ("new", c.new)):
        sents = report.sentences()
        first = {s.start: k for k, s in enumerate(sents)}
        last = {s.end: k for k, s in enumerate(sents)}
        covered = []
        for p in c.pairs:
            span = getattr(p, side)
            if span is None:
                continue
            assert span.start in first and span.end in last, (side, span)
            a, b = first[span.start], last[span.end]
            if p.section < 0 and span.end <= report.body_start:
                assert p.index == 0, (side, span)  # the front-matter pair
            else:
                assert b - a in (0, 1), (side, span)
                assert report.paragraph_at(sents[a].start) is report.paragraph_at(sents[b].start)
            covered += range(a, b + 1)
        assert sorted(covered) == list(range(len(sents)))
    # Changes come in reading order and their texts are what their spans say.
    for ch in c.changes:
        assert c.old.text[ch.old.start : ch.old.end] == ch.old_text
        assert c.new.text[ch.new.start : ch.new.end] == ch.new_text
    starts = [ch.new.start for ch in c.changes]
    assert starts == sorted(starts)
    # Anchors are monotone in both texts and span them.
    a = c.anchors
    assert a[0] == (0, 0) and a[-1] == (len(c.old.text), len(c.new.text))
    assert all(x[0] <= y[0] and x[1] <= y[1] for x, y in zip(a, a[1:]))


def test_width_only_differences_are_not_changes():
    from reportdesk.engine.comparison.pipeline import compare
    from reportdesk.engine.structure.build import report_from_text

    a = report_from_text("一、总体要求\n今年主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。")
    b = report_from_text("一、总体要求\n今年主要预期目标是:国内生产总值增长５％左右;城镇新增就业1200万人以上。")
    c = compare(a, b)
    assert c.changes == ()


def test_stats_count_kinds(national_2024_2025):
    s = national_2024_2025.stats
    assert s.sentences_old == len(national_2024_2025.old.sentences())
    assert s.equal + s.changed + s.moved + s.deleted + s.merged == s.sentences_old
    assert s.equal + s.changed + s.moved + s.inserted + s.split == s.sentences_new
    assert s.split + s.merged > 0  # 2025 split and merged a few sentences of 2024
    assert sum(v for k, v in s.changes_by_kind if k != "target") == len(national_2024_2025.changes)
    assert s.count(ChangeKind.REPLACE) == sum(1 for c in national_2024_2025.changes if c.kind is ChangeKind.REPLACE)
    assert s.count("target") == sum(1 for c in national_2024_2025.changes if c.is_target)


def test_comparison_is_hashable_and_plain_strings_in_json(national_2024_2025):
    import json

    from reportdesk.engine.serialize import comparison_to_dict

    c = national_2024_2025
    assert hash(c) == hash(c) and hash(c.stats) == hash(c.stats)
    data = json.loads(json.dumps(comparison_to_dict(c)))
    assert data["old"]["format"] == "txt" and type(c.old.format) is not str
    assert {m["status"] for m in data["sections"]} <= {s.value for s in SectionStatus}
    assert data["stats"]["changes_by_kind"] == {k: n for k, n in c.stats.changes_by_kind}


@pytest.mark.parametrize("tail", ["——", "“”", "……", "——。", "）"])
def test_punctuation_only_sentences_compare_equal_to_themselves(tail):
    """Scraped text leaves bits like 正文。—— ; identical text is never a change."""
    from reportdesk.engine import compare, report_from_text

    from .conftest import CORPUS

    text = (CORPUS / "national/2025.txt").read_text(encoding="utf-8")
    paras = text.split("\n")
    for i in range(5, len(paras), 7):  # after the last full stop of every 7th paragraph
        if paras[i].endswith("。"):
            paras[i] += tail
    mutated = "\n".join(paras)
    c = compare(report_from_text(mutated), report_from_text(mutated))
    assert c.changes == ()
    assert all(p.kind is PairKind.EQUAL for p in c.pairs)


def test_a_merge_never_reaches_across_a_paired_sentence():
    """A paragraph whose full stops became commas, pasted twice: the copy must not be
    joined over sentences the first copy already took (pairs overlapped; fuzz case)."""
    from reportdesk.engine import compare, report_from_text
    from tests.engine.invariants import check_invariants

    from .conftest import CORPUS

    text = (CORPUS / "national/2016.txt").read_text(encoding="utf-8")
    paras = text.split("\n")
    k = next(i for i, p in enumerate(paras) if p.startswith("扩大国际产能合作。"))
    run_on = paras[k].replace("。", "，")[:-1] + "。"
    new_text = "\n".join(paras[:k] + [run_on] + paras[k + 1 :] + [run_on])
    old, new = report_from_text(text), report_from_text(new_text)
    c = compare(old, new)
    spans = sorted(p.old for p in c.pairs if p.old is not None)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    check_invariants(c)
