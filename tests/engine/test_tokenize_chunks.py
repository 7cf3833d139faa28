"""Text is tokenized in pieces split after 。！？；”’ (each piece cached, and kept on disk, by
its text; the diff's sentences and the phrases' paragraphs share them, issue 12).  Cut in
pieces, every paragraph, sentence and pair of adjacent sentences of the corpus gives
exactly the tokens it gives cut whole."""

from __future__ import annotations

import pytest

from reportdesk.engine.text import tokenize as tk
from reportdesk.engine.text.normalize import fold
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


def whole(text: str, a: int, b: int) -> list[tuple[int, int]]:
    piece = text[a:b]
    return [(x + a, y + a) for x, y in tk._tokenize(piece, 0, len(piece), fold(piece))]


@pytest.mark.parametrize("rel", REPORTS)
def test_cut_in_pieces_equals_cut_whole(rel: str) -> None:
    r = report(rel)
    text = r.text
    split = 0
    for p in r.paragraphs:
        spans = [s.span for s in p.sentences]
        cases = [(p.start, p.end)] + [(s.start, s.end) for s in spans]
        cases += [(a.start, b.end) for a, b in zip(spans, spans[1:])]
        for a, b in cases:
            split += len(tk._chunks(text, a, b)) > 1
            assert tk.tokenize(text, a, b) == whole(text, a, b), text[a:b]
    assert split > len(r.paragraphs) // 2  # most paragraphs are cut in several pieces


def test_pieces() -> None:
    text = "扩大内需，促进消费。发展 新质生产力；“好房子”。 下一句！！再"
    # after 。 and ；, not inside “…”。 followed by a space (spaces go with the token before)
    assert tk.pieces(text) == ["扩大内需，促进消费。", "发展 新质生产力；", "“好房子”。 下一句！！", "再"]
    assert "".join(tk.pieces(text)) == text
    assert tk.pieces("") == [""]
