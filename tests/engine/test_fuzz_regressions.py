"""Inputs the fuzzer (``python -m tests.fuzz``) found, cut down to what broke."""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest

from reportdesk.engine import compare, load_report, report_from_text
from reportdesk.engine.text import tokenize as tok

from .invariants import check_invariants

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


class _Hang(BaseException):
    pass


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """A hang guard, not a timing: fails only what would otherwise run for minutes."""

    def _raise(signum: int, frame: FrameType | None) -> None:
        raise _Hang()

    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    except _Hang:
        pytest.fail(f"still running after {seconds} s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_long_run_of_full_stops_is_cut_without_backtracking() -> None:
    # seed 7, cases 60 and 324 (text:huge_line): a line of 200,000 。 — the piece
    # pattern's lookahead backtracked through the run at every start (quadratic).
    text = "发展" + "。" * 200_000
    with hang_guard(60):
        pieces = tok.pieces(text)
        spans = tok.tokenize(text + "\n")
    assert pieces == [text]
    assert spans[0][0] == 0 and spans[-1][1] == len(text) + 1


_OLD_CHUNK_END = re.compile("[。！？；”’]+(?=[^\\s。！？；”’])")  # the pattern before the fix


@pytest.mark.parametrize(
    "text",
    ["", "。", "甲。乙", "甲。。乙。", "甲。 乙", "甲。\n乙！？丙", "“甲。”乙；", "甲’ 乙’丙。", "。。。\u3000。甲", "甲。" * 5],
)
def test_pieces_are_cut_where_they_were(text: str) -> None:
    out, a = [], 0
    for m in _OLD_CHUNK_END.finditer(text):
        out.append(text[a : m.end()])
        a = m.end()
    if a < len(text) or not out:
        out.append(text[a:])
    assert tok.pieces(text) == out


def test_title_split_one_character_a_line_is_no_page_chrome() -> None:
    # seed 7, case 206 (docx:text_odd_whitespace): the title 人民代表大会 one character a
    # line; the lone 大 was taken for the font-size switch and left out of the counts.
    title = "\n".join("宁夏回族自治区第十三届人民代表大会第三次会议") + "\n"
    r = report_from_text(title + "各位代表：\n现在，我代表自治区人民政府作报告。\n")
    assert not [p.text for p in r.paragraphs if p.clutter]
    c = compare(r, r)
    check_invariants(c)


def test_counts_leave_out_page_chrome() -> None:
    # The switch after 【字体： is still chrome; the counts are of the sentences compared.
    r = load_report(CORPUS / "sichuan" / "2026.txt")
    assert [p.text for p in r.paragraphs if p.clutter][:6] == ["【字体：", "大", "中", "小", "】", "分享："]
    c = compare(load_report(CORPUS / "sichuan" / "2025.txt"), r)
    check_invariants(c)
    assert c.stats.sentences_new < len(r.sentences())
