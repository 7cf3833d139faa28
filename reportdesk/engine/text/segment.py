"""Sentences and clauses inside one paragraph, quote- and bracket-aware.

Only punctuation is visited (a regex finds it), so a national report of
~18k characters is split in a few milliseconds: ``report_from_text`` runs this
after every pause in typing.
"""

from __future__ import annotations

import re

from reportdesk.engine.model import Sentence, Span

# Half-width forms are mapped to full width before classification, so an
# excerpt typed with ``,;:?!()`` splits like one typed with ``，；：？！（）``.
_FOLD = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})

_TERMINATORS = frozenset("。！？；…")
_CLAUSE_SEPS = frozenset("，：")
_OPEN_TO_CLOSE = {
    "“": "”",
    "‘": "’",
    "《": "》",
    "（": "）",
    "【": "】",
    "「": "」",
    "『": "』",
    "〔": "〕",
    "[": "]",
    "〈": "〉",
}
_CLOSERS = frozenset(_OPEN_TO_CLOSE.values())
_PUNCT_RE = re.compile(r"[“”‘’《》（）【】「」『』〔〕\[\]〈〉。！？；…，：]")


def _fold(s: str) -> str:
    return s.translate(_FOLD)


def _match_brackets(events: list[tuple[int, str]]) -> tuple[set[int], set[int]]:
    """Positions of openers and closers that pair up; strays (scraping damage) are ignored.

    Ignoring unmatched quotes keeps one lost ” from gluing the rest of a
    paragraph into one sentence.
    """
    stack: list[tuple[int, str]] = []
    opens: set[int] = set()
    closes: set[int] = set()
    for pos, ch in events:
        if ch in _OPEN_TO_CLOSE:
            stack.append((pos, _OPEN_TO_CLOSE[ch]))
        elif ch in _CLOSERS:
            # pop until the matching opener (inner strays are dropped)
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == ch:
                    opens.add(stack[k][0])
                    closes.add(pos)
                    del stack[k:]
                    break
    return opens, closes


def _is_digit_sep(text: str, pos: int, ch: str, raw: str) -> bool:
    """A half-width ``,`` or ``:`` between digits (1,000 / 17:10) is not a clause break."""
    if raw not in ",:" or ch not in "，：":
        return False
    return 0 < pos < len(text) - 1 and text[pos - 1].isdigit() and text[pos + 1].isdigit()


def trim_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past whitespace at both edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, start: int = 0, end: int | None = None) -> tuple[Sentence, ...]:
    """Sentences of ``text[start:end]`` with absolute offsets and their clause spans.

    A sentence ends after 。！？；!?; or …; a terminator inside “…” 《…》 （…）
    only ends the sentence when the closing quote follows it (``。”``), and then
    the quote stays with the sentence.  Whitespace-only parts are dropped.
    """
    if end is None:
        end = len(text)
    seg = text[start:end]
    cuts, clause_cuts = _cuts(seg)
    return _sentences(seg, start, cuts, clause_cuts)


def _cuts(seg: str) -> tuple[list[int], list[int]]:
    """Relative end offsets of the sentences of ``seg``, and of the clauses inside them."""
    folded = _fold(seg)
    events = [(m.start(), m.group()) for m in _PUNCT_RE.finditer(folded)]
    opens, closes = _match_brackets(
        [e for e in events if e[1] in _OPEN_TO_CLOSE or e[1] in _CLOSERS]
    )

    cuts: list[int] = []  # relative end offsets of sentences
    clause_cuts: list[int] = []  # relative end offsets of clauses (inside sentences)
    depth = 0
    n = len(folded)
    i = 0
    ne = len(events)
    while i < ne:
        pos, ch = events[i]
        if pos in opens:
            depth += 1
        elif pos in closes:
            depth -= 1
        elif ch in _TERMINATORS:
            j, d, last = _terminator_run(events, i, depth, closes)
            if d <= 0:
                cuts.append(last)
                depth = 0
                i = j
                continue
        elif ch in _CLAUSE_SEPS and depth == 0 and not _is_digit_sep(folded, pos, ch, seg[pos]):
            clause_cuts.append(pos + 1)
        i += 1
    if not cuts or cuts[-1] < n:
        cuts.append(n)
    return cuts, clause_cuts


def _terminator_run(
    events: list[tuple[int, str]], i: int, depth: int, closes: set[int]
) -> tuple[int, int, int]:
    """Absorb a run of terminators and closers from events[i]: 。” ……”。 ！？ 。）.

    Returns the next event index, the bracket depth after the run, and its end offset.
    """
    ne = len(events)
    j = i + 1
    d = depth
    last = events[i][0] + 1
    while j < ne and events[j][0] == last:
        p2, c2 = events[j]
        if c2 in _TERMINATORS:
            pass
        elif p2 in closes:
            d -= 1
        elif c2 in _CLOSERS and p2 not in closes:
            pass  # stray closer right after a terminator belongs here
        else:
            break
        last += 1
        j += 1
    return j, d, last


def _sentences(seg: str, start: int, cuts: list[int], clause_cuts: list[int]) -> tuple[Sentence, ...]:
    """Sentences between the cuts (absolute offsets from ``start``), whitespace-only ones dropped."""
    out: list[Sentence] = []
    prev = 0
    ci = 0
    nc = len(clause_cuts)
    for cut in cuts:
        s, e = trim_spaces(seg, prev, cut)
        prev = cut
        if s >= e:
            while ci < nc and clause_cuts[ci] <= cut:
                ci += 1
            continue
        clauses: list[Span] = []
        cs = s
        while ci < nc and clause_cuts[ci] <= cut:
            cc = clause_cuts[ci]
            ci += 1
            if cc <= cs:
                continue
            a, b = trim_spaces(seg, cs, min(cc, e))
            if a < b:
                clauses.append(Span(a + start, b + start))
            cs = cc
        a, b = trim_spaces(seg, cs, e)
        if a < b:
            clauses.append(Span(a + start, b + start))
        out.append(Sentence(Span(s + start, e + start), seg[s:e], tuple(clauses)))
    return tuple(out)
