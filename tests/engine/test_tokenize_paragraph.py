"""A sentence's tokens cut from its paragraph's (jieba run once per paragraph, issue 12) are
exactly the tokens of the sentence cut on its own, for every sentence and every pair of
adjacent sentences (a split or merged pair) the shortcut takes."""

from __future__ import annotations

import pytest

from reportdesk.engine.text import tokenize as tk
from tests.engine.conftest import report

REPORTS = [
    "national/2024.txt",
    "national/2025.txt",
    "hailar/2019.txt",
    "sichuan/2026.txt",
    "variants/national_2020_live_transcript.txt",
    "docx/2025_beijing.docx",
    "docx/2025_guangdong.docx",
]


@pytest.mark.parametrize("rel", REPORTS)
def test_pieces_cut_from_the_paragraph_equal_pieces_cut_alone(rel: str) -> None:
    r = report(rel)
    text = r.text
    taken = 0
    for p in r.paragraphs:
        spans = [s.span for s in p.sentences]
        pieces = [(s.start, s.end) for s in spans] + [(a.start, b.end) for a, b in zip(spans, spans[1:])]
        for a, b in pieces:
            got = tk._from_paragraph(text, a, b)
            if got is not None:
                taken += 1
                assert got == [(x + a, y + a) for x, y in tk._tokens_of(text[a:b])], text[a:b]
    assert taken > len(r.paragraphs)  # the shortcut is taken for most sentences


def test_soft_edges_are_cut_alone() -> None:
    text = "扩大内需，促进消费。发展 新质生产力\n下一段"
    assert tk._from_paragraph(text, 0, 4) is None  # after ，: not a hard edge
    assert tk._from_paragraph(text, 0, 10) is not None  # ends after 。
    assert tk._from_paragraph(text, 10, 18) is not None  # runs to the paragraph's end
    assert tk.tokenize(text, 10, 18) == [(10 + a, 10 + b) for a, b in tk._tokens_of(text[10:18])]
