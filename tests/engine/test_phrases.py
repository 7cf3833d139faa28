"""Key phrases (提法) of a report and between two reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdesk.engine.load.loader import load_report
from reportdesk.engine.phrases import compare_phrases, extract_phrases
from reportdesk.engine.structure.build import report_from_text


@pytest.fixture(scope="module")
def nat(corpus_dir: Path):
    return {y: load_report(corpus_dir / "national" / f"{y}.txt") for y in (2024, 2025)}


def test_quoted_terms_of_seed(corpus_dir: Path) -> None:
    report = load_report(corpus_dir / "seed" / "jinniu-2024-plan-excerpt.txt")
    phrases = {p.phrase: p for p in extract_phrases(report)}
    for term in ("无废城市", "一网通办", "两个确立", "四下基层", "政务服务+"):
        assert term in phrases, term
        for span in phrases[term].spans:
            assert report.text[span.start : span.end] == term


def test_recurring_policy_phrases(nat) -> None:
    phrases = {p.phrase: p for p in extract_phrases(nat[2025])}
    for term in ("新质生产力", "全国统一大市场", "高质量发展", "超长期特别国债"):
        assert term in phrases, term
        assert len(phrases[term].spans) >= 2
    # spans are in reading order and inside the text
    for p in phrases.values():
        starts = [s.start for s in p.spans]
        assert starts == sorted(starts)
    assert not [p for p in phrases if p[0].isdigit()]
    # common four-character word pairs are vocabulary, not 提法
    assert "总体平稳" not in phrases and "政策措施" not in phrases


def test_added_removed_kept_2024_to_2025(nat) -> None:
    ch = compare_phrases(nat[2024], nat[2025])
    added = {p.phrase for p in ch.added}
    removed = {p.phrase for p in ch.removed}
    kept = {p.phrase for p in ch.kept}
    assert {"投资于人", "内卷式", "好房子", "十五五"} <= added
    assert {"一老一小", "四下基层", "消费促进年"} <= removed
    assert {"新质生产力", "高质量发展", "一带一路"} <= kept
    assert not (added & kept) and not (removed & kept)
    # an added phrase really is absent from the old report; a removed one from the new
    for p in ch.added:
        assert p.phrase not in nat[2024].text
        assert nat[2025].text[p.spans[0].start : p.spans[0].end] == p.phrase
    for p in ch.removed:
        assert p.phrase not in nat[2025].text
        assert nat[2024].text[p.spans[0].start : p.spans[0].end] == p.phrase


def test_unquoting_is_not_a_new_phrase() -> None:
    old = report_from_text("各位代表：\n一、工作回顾\n推进无废城市建设，无废城市试点扩大。\n", year=2024)
    new = report_from_text("各位代表：\n一、工作回顾\n全力建设“无废城市”。\n", year=2025)
    ch = compare_phrases(old, new)
    assert "无废城市" in {p.phrase for p in ch.kept}
    assert "无废城市" not in {p.phrase for p in ch.added}
