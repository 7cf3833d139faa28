"""Comments: one per target change in the reviewer's words, on unmet targets, on moves."""

from __future__ import annotations

import zipfile
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from reportdesk.engine import HEADLINE_TIERS
from reportdesk.engine.model import PairKind, ReviewStatus, TargetChangeKind
from reportdesk.export.docx_review import ExportOptions, export_review
from tests.export.conftest import comparison
from tests.export.docx_read import comments

PAIRS = [(f"national/{y}.txt", f"national/{y + 1}.txt") for y in range(2013, 2025)] + [
    (f"hailar/{y}.txt", f"hailar/{y + 1}.txt") for y in range(2012, 2019)
]
OPTS = ExportOptions(form="tracked", author="起草组", date=datetime(2025, 3, 1))


def expected_target_text(tc) -> str:
    wording = tc.wording
    if wording.startswith("新提出："):
        wording = "新提出" + wording[len("新提出：") :]
    return wording if wording.startswith(tc.indicator) else f"{tc.indicator}：{wording}"


@pytest.mark.parametrize(("old_rel", "new_rel"), PAIRS, ids=lambda r: r.replace(".txt", ""))
def test_one_comment_per_target_change(tmp_path: Path, old_rel: str, new_rel: str) -> None:
    c = comparison(old_rel, new_rel)
    found = comments(export_review(c, tmp_path / "r.docx", OPTS))
    expected: Counter[tuple[str, str]] = Counter()
    for tc in c.target_changes:
        if tc.change is TargetChangeKind.UNCHANGED or tc.tier not in HEADLINE_TIERS:
            continue  # task quantities are in the appendix table, not commented
        quote = (
            c.new.text[tc.new.start : tc.new.end]
            if tc.new
            else c.old.text[tc.old.start : tc.old.end]
        )
        expected[(expected_target_text(tc), quote)] += 1
    got: Counter[tuple[str, str]] = Counter()
    for f in found:
        is_move = f.text.startswith("移至：") or (
            f.text.startswith("由") and f.text.endswith("移来")
        )
        if is_move or "（上年目标）" in f.text or f.text.startswith("提示："):
            continue
        # New targets are read in the accepted text, dropped ones in the rejected text.
        accepted = (f.text, f.anchored_accept)
        got[accepted if accepted in expected else (f.text, f.anchored_reject)] += 1
    assert got == expected
    assert all(f.author == "起草组" for f in found)


def test_corpus_has_target_changes_to_check() -> None:
    assert any(tc.change is not TargetChangeKind.UNCHANGED for tc in comparison(*PAIRS[-1]).target_changes)


def test_comment_wording_matches_reviewer_form(tmp_path: Path) -> None:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    texts = {f.text for f in comments(export_review(c, tmp_path / "r.docx", OPTS))}
    assert "地区生产总值：由6%左右调整为3.5%左右；降低2.5个百分点" in texts


def test_unmet_targets_are_commented(tmp_path: Path) -> None:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    unmet = [tr for tr in c.target_review if tr.status is ReviewStatus.NOT_MET and tr.tier in HEADLINE_TIERS]
    assert unmet
    found = comments(export_review(c, tmp_path / "r.docx", OPTS))
    for tr in unmet:
        hits = [f for f in found if f.text.startswith(f"{tr.indicator}（上年目标）：{tr.wording}。")]
        assert len(hits) == 1
        assert hits[0].anchored_accept == c.new.text[tr.actual.start : tr.actual.end]
        # the verdict quotes both statements it rests on
        assert f"上年目标：“{tr.target_quote}”" in hits[0].text
        assert f"实际：“{tr.actual_quote}”" in hits[0].text


def test_moves_are_delete_insert_pairs_with_comments(tmp_path: Path) -> None:
    c = comparison("national/2024.txt", "national/2025.txt")
    moved = [p for p in c.pairs if p.kind is PairKind.MOVED]
    assert moved
    found = comments(export_review(c, tmp_path / "r.docx", OPTS))
    went = [f for f in found if f.text.startswith("移至：")]
    came = [f for f in found if f.text.startswith("由") and f.text.endswith("移来")]
    assert sorted(f.anchored_reject for f in went) == sorted(
        c.old.text[p.old.start : p.old.end] for p in moved
    )
    assert sorted(f.anchored_accept for f in came) == sorted(
        c.new.text[p.new.start : p.new.end] for p in moved
    )
    # A move is a plain delete + insert: nothing WPS cannot open.
    with zipfile.ZipFile(tmp_path / "r.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "w:del " in xml and "moveFrom" not in xml and "moveTo" not in xml


def test_comments_can_be_left_out(tmp_path: Path) -> None:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    path = export_review(
        c, tmp_path / "r.docx", ExportOptions(form="tracked", include_comments=False)
    )
    assert comments(path) == []
    path = export_review(
        c, tmp_path / "t.docx", ExportOptions(form="tracked", include_targets=False)
    )
    assert all(f.text.startswith(("移至", "由")) for f in comments(path))
