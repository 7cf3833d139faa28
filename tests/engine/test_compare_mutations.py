"""compare() on real reports edited the way drafters edit them.

Each test takes a real report (national 2025, hailar 2019), applies one random
edit to its text (hypothesis picks where), and checks what a reviewer expects
to see: the edit reported once, at the right place, with the right kind, and
nothing anywhere else.  Every comparison must also keep the engine's promises:
spans index the texts, changes are in reading order, pairs cover every sentence
exactly once, and ``document_ops`` rebuilds both texts character for character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reportdesk.engine.align.aligner import bigrams, dice, key_of
from reportdesk.engine.comparison import pipeline as compare_module
from reportdesk.engine.comparison.pipeline import compare
from reportdesk.engine.model import (
    BlockKind,
    ChangeKind,
    Comparison,
    PairKind,
    Report,
    Sentence,
    Span,
)
from reportdesk.engine.structure.build import report_from_text
from reportdesk.engine.text.normalize import fold
from reportdesk.engine.text.tokenize import quantity_spans, tokenize

from .conftest import report
from .invariants import check_invariants  # noqa: F401 - test_compare_limits imports it from here

BASES = ["national/2025.txt", "hailar/2019.txt"]
DONOR = {"national/2025.txt": "hailar/2019.txt", "hailar/2019.txt": "national/2025.txt"}
WORDS = ["持续深化", "统筹协调", "切实加强", "稳步推进", "全面提升", "积极探索"]
STOPS = "。！？；"  # sentence ends
FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(autouse=True, scope="module")
def _no_target_layers() -> Iterator[None]:
    """Targets and key phrases are other layers over the diff; they only cost time here."""
    mp = pytest.MonkeyPatch()
    mp.setattr(compare_module, "match_targets", lambda old, new: [])
    mp.setattr(compare_module, "review_targets", lambda old, new: [])
    mp.setattr(compare_module, "compare_phrases", lambda old, new: compare_module.PhraseChanges())
    yield
    mp.undo()


# ------------------------------------------------------------------ material


@cache
def base(rel: str) -> Report:
    """The report rebuilt from its text, the way an edited draft is built."""
    return report_from_text(report(rel).text)


@dataclass(frozen=True)
class Where:
    para: int
    sent: Sentence
    pos: int  # index of the sentence in its paragraph


@cache
def body_sentences(rel: str) -> tuple[Where, ...]:
    """Sentences of body paragraphs (not headings, not run-in heading sentences)."""
    r = base(rel)
    out = []
    for p in r.paragraphs:
        if p.kind is not BlockKind.BODY:
            continue
        for k, s in enumerate(p.sentences):
            if p.heading_end >= 0 and s.start < p.heading_end:
                continue
            out.append(Where(p.index, s, k))
    return tuple(out)


@cache
def unique_keys(rel: str) -> frozenset[str]:
    seen: dict[str, int] = {}
    for s in base(rel).sentences():
        seen[key_of(s.text)] = seen.get(key_of(s.text), 0) + 1
    return frozenset(k for k, n in seen.items() if n == 1)


@cache
def donor_sentences(rel: str) -> tuple[str, ...]:
    """Sentences of another report that resemble nothing in this one."""
    grams = [bigrams(key_of(s.text)) for s in base(rel).sentences()]
    out = []
    for s in base(DONOR[rel]).sentences()[::7]:
        g = bigrams(key_of(s.text))
        if s.text.endswith("。") and len(key_of(s.text)) >= 8 and max(dice(g, h) for h in grams) < 0.3:
            out.append(s.text)
    return tuple(out)


def pick(data: st.DataObject, items, label: str):
    assume(len(items) > 0)
    return items[data.draw(st.integers(0, len(items) - 1), label=label)]


def same_outline(a: Report, b: Report) -> bool:
    return [(s.title, s.level) for s in a.sections] == [(s.title, s.level) for s in b.sections]


# ------------------------------------------------------------------ checks


@dataclass
class Edit:
    """An edited text and the windows where changes may be reported."""

    text: str
    old_windows: list[Span] = field(default_factory=list)
    new_windows: list[Span] = field(default_factory=list)


def para_span(r: Report, pos: int) -> Span:
    p = r.paragraph_at(pos)
    assert p is not None
    return p.span


def run(rel: str, edit: Edit) -> Comparison:
    old = base(rel)
    new = report_from_text(edit.text)
    assume(same_outline(old, new))
    c = compare(old, new)
    check_invariants(c)
    for ch in c.changes:
        assert any(w.start <= ch.old.start and ch.old.end <= w.end for w in edit.old_windows), ("far away", ch)
        assert any(w.start <= ch.new.start and ch.new.end <= w.end for w in edit.new_windows), ("far away", ch)
    return c


def only(c: Comparison) -> object:
    assert len(c.changes) == 1, [(ch.kind.value, ch.old_text, ch.new_text) for ch in c.changes]
    return c.changes[0]


# ------------------------------------------------------------------ edits


@pytest.mark.parametrize("rel", BASES)
def test_unchanged_text_has_no_changes(rel):
    c = compare(base(rel), report_from_text(base(rel).text))
    check_invariants(c)
    assert c.changes == ()
    assert all(p.kind is PairKind.EQUAL for p in c.pairs)


@FEW
@given(st.sampled_from(BASES), st.data())
def test_deleted_sentence(rel, data):
    r = base(rel)
    w = pick(data, [w for w in body_sentences(rel) if len(r.paragraphs[w.para].sentences) >= 2], "sentence")
    s = w.sent
    text = r.text[: s.start] + r.text[s.end :]
    c = run(rel, Edit(text, [r.paragraphs[w.para].span], [para_span(report_from_text(text), s.start)]))
    ch = only(c)
    assert ch.kind is ChangeKind.DELETE and ch.old_text == s.text
    assert ch.new == Span(s.start, s.start)


@FEW
@given(st.sampled_from(BASES), st.data())
def test_inserted_sentence(rel, data):
    r = base(rel)
    w = pick(data, [w for w in body_sentences(rel) if w.sent.text[-1] in STOPS], "after")
    donor = pick(data, donor_sentences(rel), "donor")
    at = w.sent.end
    text = r.text[:at] + donor + r.text[at:]
    c = run(rel, Edit(text, [r.paragraphs[w.para].span], [para_span(report_from_text(text), at)]))
    ch = only(c)
    assert ch.kind is ChangeKind.INSERT and ch.new_text == donor
    assert ch.new == Span(at, at + len(donor)) and ch.old == Span(at, at)


def replacements(word: str) -> list[str]:
    """Words that replace ``word`` outright (提升 → 全面提升 would be an insertion)."""
    return [x for x in WORDS if not set(x) & set(word)]


def word_tokens(text: str, s: Sentence) -> list[tuple[int, int]]:
    folded = fold(text)
    qs = quantity_spans(folded, s.start, s.end)
    return [
        (a, b)
        for a, b in tokenize(text, s.start, s.end)
        if b - a >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in text[a:b]) and not any(q[0] < b and a < q[1] for q in qs)
    ]


@FEW
@given(st.sampled_from(BASES), st.data())
def test_replaced_word(rel, data):
    r = base(rel)
    w = pick(data, [w for w in body_sentences(rel) if len(key_of(w.sent.text)) >= 20], "sentence")
    a, b = pick(data, word_tokens(r.text, w.sent), "word")
    word = pick(data, replacements(r.text[a:b]), "replacement")
    text = r.text[:a] + word + r.text[b:]
    new_sent = Span(w.sent.start, w.sent.end + len(word) - (b - a))
    c = run(rel, Edit(text, [w.sent.span], [new_sent]))
    ch = only(c)
    assert ch.kind is ChangeKind.REPLACE
    # The highlight is the word (with at most the neighbouring word that jieba re-cut).
    assert ch.old.start <= a and b <= ch.old.end and len(ch.old_text) <= (b - a) + 8
    assert r.text[ch.old.start : a] + word + r.text[b : ch.old.end] == ch.new_text
    assert c.pairs[ch.pair].kind is PairKind.CHANGED


@FEW
@given(st.sampled_from(BASES), st.data())
def test_changed_number_is_the_quantity(rel, data):
    r = base(rel)
    folded = fold(r.text)
    cands = [
        (q, w)
        for w in body_sentences(rel)
        for q in quantity_spans(folded, w.sent.start, w.sent.end)
        if folded[q[0]].isdigit()
    ]
    (qa, qb), w = pick(data, cands, "quantity")
    m = re.match(r"\d+", folded[qa:qb])
    assert m is not None
    d = qa + m.end() - 1  # last digit of the first run: 5%左右 -> 6%左右
    new_digit = "8" if r.text[d] in "9９" else str(int(folded[d]) + 1)
    text = r.text[:d] + new_digit + r.text[d + 1 :]
    c = run(rel, Edit(text, [w.sent.span], [w.sent.span]))
    ch = only(c)
    assert ch.kind is ChangeKind.REPLACE
    assert ch.is_target or "%" not in ch.old_text  # a percentage is always a target
    assert ch.old == Span(qa, qb) and ch.new == Span(qa, qb)
    assert ch.old_text == r.text[qa:qb] and ch.new_text == text[qa:qb]


@FEW
@given(st.sampled_from(BASES), st.data())
def test_swapped_clauses_are_a_move(rel, data):
    r = base(rel)
    cands = []
    for w in body_sentences(rel):
        cl = w.sent.clauses
        for x, y in zip(cl, cl[1:]):
            kx, ky = key_of(r.text[x.start : x.end]), key_of(r.text[y.start : y.end])
            if (
                x.end == y.start
                and r.text[x.end - 1] == r.text[y.end - 1] == "，"
                and len(kx) >= 4
                and len(ky) >= 4
                and key_of(w.sent.text).count(kx) == key_of(w.sent.text).count(ky) == 1
            ):
                cands.append((w, x, y))
    w, x, y = pick(data, cands, "clauses")
    text = r.text[: x.start] + r.text[y.start : y.end] + r.text[x.start : x.end] + r.text[y.end :]
    c = run(rel, Edit(text, [w.sent.span], [w.sent.span]))
    ch = only(c)
    assert ch.kind is ChangeKind.MOVE and ch.old_text == ch.new_text, (ch, r.text[x.start:y.end])
    assert ch.old_text.strip("，") in (r.text[x.start : x.end - 1], r.text[y.start : y.end - 1])
    assert c.pairs[ch.pair].kind is PairKind.CHANGED


def far_move(rel: str, data: st.DataObject) -> tuple[Where, int]:
    """A unique sentence and a sentence end in another section, with much text between."""
    r = base(rel)
    uniq = unique_keys(rel)
    ws = [
        w
        for w in body_sentences(rel)
        if len(key_of(w.sent.text)) >= 10
        and key_of(w.sent.text) in uniq
        and len(r.paragraphs[w.para].sentences) >= 2
        and w.sent.text[-1] in STOPS
    ]
    w = pick(data, ws, "moved")
    sec = r.paragraphs[w.para].section
    gap = 3 * len(w.sent.text) + 300
    dests = [
        d.sent.end
        for d in body_sentences(rel)
        if r.paragraphs[d.para].section != sec
        and d.sent.text[-1] in STOPS
        and (d.sent.end < w.sent.start - gap or d.sent.end > w.sent.end + gap)
    ]
    return w, pick(data, dests, "destination")


def moved_text(text: str, s: Span, at: int, moved: str) -> tuple[str, Span, Span]:
    """Text with ``s`` removed and ``moved`` inserted at old position ``at``.

    Also: where the moved text is in the new text, and a window around the gap it left.
    """
    if at < s.start:
        gap = s.start + len(moved)
        new = text[:at] + moved + text[at : s.start] + text[s.end :]
        return new, Span(at, at + len(moved)), Span(gap - 1, gap + 1)
    ns = at - (s.end - s.start)
    new = text[: s.start] + text[s.end : at] + moved + text[at:]
    return new, Span(ns, ns + len(moved)), Span(s.start - 1, s.start + 1)


@FEW
@given(st.sampled_from(BASES), st.data())
def test_sentence_moved_to_another_section(rel, data):
    r = base(rel)
    w, at = far_move(rel, data)
    text, new_span, gap = moved_text(r.text, w.sent.span, at, w.sent.text)
    c = run(rel, Edit(text, [w.sent.span, Span(at, at)], [new_span, gap]))
    ch = only(c)
    assert ch.kind is ChangeKind.MOVE and ch.old_text == ch.new_text == w.sent.text
    assert ch.moved_from == w.sent.span and ch.moved_to == new_span


@FEW
@given(st.sampled_from(BASES), st.data())
def test_sentence_moved_and_edited(rel, data):
    r = base(rel)
    w, at = far_move(rel, data)
    assume(len(key_of(w.sent.text)) >= 30)
    a, b = pick(data, word_tokens(r.text, w.sent), "word")
    word = pick(data, replacements(r.text[a:b]), "replacement")
    edited = r.text[w.sent.start : a] + word + r.text[b : w.sent.end]
    text, new_span, gap = moved_text(r.text, w.sent.span, at, edited)
    c = run(rel, Edit(text, [w.sent.span, Span(at, at)], [new_span, gap]))
    moves = [ch for ch in c.changes if ch.kind is ChangeKind.MOVE]
    assert len(moves) == 1 and moves[0].moved_from == w.sent.span and moves[0].moved_to == new_span
    edits = [ch for ch in c.changes if ch.kind is not ChangeKind.MOVE]
    assert len(edits) == 1 and edits[0].kind is ChangeKind.REPLACE and edits[0].pair == moves[0].pair
    assert edits[0].old.start <= a and b <= edits[0].old.end and word in edits[0].new_text


@FEW
@given(st.sampled_from(BASES), st.data())
def test_split_sentence(rel, data):
    r = base(rel)
    cands = []
    for w in body_sentences(rel):
        for cl in w.sent.clauses[:-1]:
            if r.text[cl.end - 1] == "，" and cl.end - w.sent.start >= 4 and w.sent.end - cl.end >= 4:
                cands.append((w, cl.end - 1))
    w, comma = pick(data, cands, "comma")
    text = r.text[:comma] + "。" + r.text[comma + 1 :]
    c = run(rel, Edit(text, [w.sent.span], [w.sent.span]))
    ch = only(c)
    assert ch.kind is ChangeKind.REPLACE and (ch.old_text, ch.new_text) == ("，", "。")
    assert ch.old == ch.new == Span(comma, comma + 1)


@FEW
@given(st.sampled_from(BASES), st.data())
def test_merged_sentences(rel, data):
    r = base(rel)
    ws = body_sentences(rel)
    cands = [
        (x, y)
        for x, y in zip(ws, ws[1:])
        if x.para == y.para and r.text[x.sent.end - 1] in "。；" and x.sent.end == y.sent.start
        and len(key_of(x.sent.text)) >= 6 and len(key_of(y.sent.text)) >= 6
    ]  # fmt: skip
    x, y = pick(data, cands, "pair")
    stop = x.sent.end - 1
    text = r.text[:stop] + "，" + r.text[stop + 1 :]
    whole = Span(x.sent.start, y.sent.end)
    c = run(rel, Edit(text, [whole], [whole]))
    ch = only(c)
    assert ch.kind is ChangeKind.REPLACE and (ch.old_text, ch.new_text) == (r.text[stop], "，")
    assert ch.old == ch.new == Span(stop, stop + 1)


_TO_HALF = str.maketrans("，；：（）！？％０１２３４５６７８９", ",;:()!?%0123456789")
_TO_FULL = str.maketrans("%0123456789", "％０１２３４５６７８９")


@FEW
@given(st.sampled_from(BASES), st.data())
def test_width_and_space_only_changes_are_not_changes(rel, data):
    r = base(rel)
    ws = body_sentences(rel)
    first = data.draw(st.integers(0, len(ws) - 1), label="first")
    count = data.draw(st.integers(1, 12), label="count")
    how = data.draw(st.sampled_from(["half", "full", "spaces"]), label="how")
    text = r.text
    for w in reversed(ws[first : first + count]):
        s = w.sent
        if how == "spaces":  # stray spaces inside words, as pasted from PDF
            cut = sorted({data.draw(st.integers(1, len(s.text) - 1), label="space at") for _ in range(3)})
            pieces = [s.text[a:b] for a, b in zip([0, *cut], [*cut, len(s.text)])]
            edited = data.draw(st.sampled_from([" ", "\u3000"]), label="space").join(pieces)
        else:
            edited = s.text.translate(_TO_HALF if how == "half" else _TO_FULL)
        text = text[: s.start] + edited + text[s.end :]
    # Where the title block ends is structure's call (各 位代表 no longer opens the body).
    assume([p.kind for p in report_from_text(text).paragraphs] == [p.kind for p in r.paragraphs])
    c = run(rel, Edit(text))
    assert c.changes == ()
    assert all(p.kind is PairKind.EQUAL for p in c.pairs)
    assert c.stats.similarity == 1.0


@FEW
@given(st.sampled_from(BASES), st.data())
def test_paragraph_break_added_or_removed(rel, data):
    r = base(rel)
    if data.draw(st.booleans(), label="add"):
        w = pick(data, [w for w in body_sentences(rel) if w.pos + 1 < len(r.paragraphs[w.para].sentences)], "split at")
        text = r.text[: w.sent.end] + "\n" + r.text[w.sent.end :]
    else:
        ps = r.paragraphs
        cands = [
            (p, q)
            for p, q in zip(ps, ps[1:])
            if p.kind is q.kind is BlockKind.BODY and p.section == q.section and q.heading_end < 0
            and p.text[-1] in "。！？；"
        ]  # fmt: skip
        p, q = pick(data, cands, "join")
        text = r.text[: p.end] + r.text[q.start :]
    c = run(rel, Edit(text))
    # A paragraph mark is layout, not wording: no change to review, but the
    # tracked-changes script still carries it (check_invariants rebuilt both texts).
    assert c.changes == ()


@FEW
@given(st.sampled_from(BASES), st.data())
def test_repeated_short_sentence_inserted_where_it_was_put(rel, data):
    """A third 各位代表！ is reported where it was typed, not paired with another copy."""
    r = base(rel)
    ps = [p for p in r.paragraphs if p.kind is BlockKind.BODY and p.heading_end < 0]
    p = pick(data, ps, "before paragraph")
    text = r.text[: p.start] + "各位代表！\n" + r.text[p.start :]
    c = run(rel, Edit(text, [Span(p.start - 1, p.start + 1)], [Span(p.start, p.start + 6)]))
    ch = only(c)
    assert ch.kind is ChangeKind.INSERT and ch.new == Span(p.start, p.start + 5)


@pytest.mark.parametrize("rel", BASES)
def test_each_repeated_short_sentence_deleted_at_its_place(rel):
    r = base(rel)
    copies = [s for s in r.sentences() if key_of(s.text) == "各位代表"]
    assert len(copies) >= 2
    for s in copies:
        p = r.paragraph_at(s.start)
        assert p is not None
        # a paragraph of its own goes with its line break
        text = r.text[: s.start] + r.text[s.end + (p.text == s.text) :]
        new = report_from_text(text)
        if not same_outline(r, new):
            continue
        c = compare(r, new)
        check_invariants(c)
        ch = only(c)
        assert ch.kind is ChangeKind.DELETE and ch.old == s.span


def test_repeated_short_sentences_do_not_move_between_real_reports():
    for y in (2014, 2015, 2022, 2023):
        c = compare(report(f"national/{y}.txt"), report(f"national/{y + 1}.txt"))
        moved = [ch.old_text for ch in c.changes if ch.kind is ChangeKind.MOVE and key_of(ch.old_text) == "各位代表"]
        assert moved == [], y


@FEW
@given(st.sampled_from(BASES), st.data())
def test_several_edits_far_apart(rel, data):
    """Deletes, inserts, number changes and splits in different paragraphs are each reported once."""
    r = base(rel)
    folded = fold(r.text)
    ws = [
        w
        for w in body_sentences(rel)
        if w.sent.text[-1] in STOPS and len(r.paragraphs[w.para].sentences) >= 2 and len(key_of(w.sent.text)) >= 8
    ]
    picks = sorted({data.draw(st.integers(0, len(ws) - 1), label="sentence") for _ in range(data.draw(st.integers(2, 5)))})
    edits: list[tuple[int, int, str]] = []
    expected: list[tuple[str, str, str]] = []
    used: set[int] = set()
    for k in picks:
        w = ws[k]
        if w.para in used:
            continue
        used.add(w.para)
        s = w.sent
        how = data.draw(st.sampled_from(["delete", "insert", "number", "split"]), label="how")
        qs = [q for q in quantity_spans(folded, s.start, s.end) if folded[q[0]].isdigit()]
        commas = [cl.end - 1 for cl in s.clauses[:-1] if r.text[cl.end - 1] == "，"]
        if how == "number" and qs:
            qa, qb = qs[0]
            m = re.match(r"\d+", folded[qa:qb])
            assert m is not None
            d = qa + m.end() - 1
            digit = "8" if folded[d] == "9" else str(int(folded[d]) + 1)
            edits.append((d, d + 1, digit))
            expected.append(("replace", r.text[qa:qb], r.text[qa:d] + digit + r.text[d + 1 : qb]))
        elif how == "split" and commas:
            edits.append((commas[0], commas[0] + 1, "。"))
            expected.append(("replace", "，", "。"))
        elif how == "insert":
            donor = pick(data, donor_sentences(rel), "donor")
            edits.append((s.end, s.end, donor))
            expected.append(("insert", "", donor))
        else:
            edits.append((s.start, s.end, ""))
            expected.append(("delete", s.text, ""))
    assume(len(edits) >= 2)
    text = r.text
    for a, b, t in reversed(edits):
        text = text[:a] + t + text[b:]
    new = report_from_text(text)
    assume(same_outline(r, new))
    c = compare(r, new)
    check_invariants(c)
    got = sorted((ch.kind.value, ch.old_text, ch.new_text) for ch in c.changes)
    assert got == sorted(expected)


@FEW
@given(st.sampled_from(BASES), st.data())
def test_moved_sentence_with_a_lookalike_left_in_its_place(rel, data):
    """The moved sentence pairs with itself, not with the loosely similar newcomer."""
    r = base(rel)
    w, at = far_move(rel, data)
    s = w.sent
    assume(len(key_of(s.text)) >= 16)
    donor = pick(data, donor_sentences(rel), "donor")
    cut = data.draw(st.integers(len(s.text) // 3, len(s.text) // 2), label="kept")
    lookalike = s.text[:cut] + donor  # starts like the moved one, ends elsewhere
    sim = dice(bigrams(key_of(lookalike)), bigrams(key_of(s.text)))
    assume(0.4 <= sim <= 0.6)
    text = r.text[: s.start] + lookalike + r.text[s.end :]
    shift = len(lookalike) - len(s.text)
    if at < s.start:
        text = text[:at] + s.text + text[at:]
        new_span, look = Span(at, at + len(s.text)), Span(s.start + len(s.text), s.start + len(s.text) + len(lookalike))
    else:
        text = text[: at + shift] + s.text + text[at + shift :]
        new_span, look = Span(at + shift, at + shift + len(s.text)), Span(s.start, s.start + len(lookalike))
    c = run(rel, Edit(text, [s.span, Span(at, at)], [new_span, look]))
    kinds = sorted((ch.kind.value, ch.old_text, ch.new_text) for ch in c.changes)
    assert kinds == [("insert", "", lookalike), ("move", s.text, s.text)]


@FEW
@given(st.sampled_from(BASES), st.data())
def test_deleted_paragraph_is_one_change(rel, data):
    r = base(rel)
    ps = [p for p in r.paragraphs if p.kind is BlockKind.BODY and p.heading_end < 0 and p.index + 1 < len(r.paragraphs)]
    p = pick(data, ps, "paragraph")
    nxt = r.paragraphs[p.index + 1]
    text = r.text[: p.start] + r.text[nxt.start :]
    c = run(rel, Edit(text, [Span(p.start, p.end)], [Span(p.start - 1, p.start + 1)]))
    ch = only(c)
    assert ch.kind is ChangeKind.DELETE and ch.old == p.span


@FEW
@given(st.sampled_from(BASES), st.data())
def test_inserted_paragraph_is_one_change(rel, data):
    r = base(rel)
    ps = [p for p in r.paragraphs if p.kind is BlockKind.BODY and p.heading_end < 0]
    p = pick(data, ps, "before paragraph")
    donors = donor_sentences(rel)
    k = data.draw(st.integers(0, len(donors) - 3), label="donor")
    para = "".join(donors[k : k + 3])
    text = r.text[: p.start] + para + "\n" + r.text[p.start :]
    c = run(rel, Edit(text, [Span(p.start - 1, p.start + 1)], [Span(p.start, p.start + len(para))]))
    ch = only(c)
    assert ch.kind is ChangeKind.INSERT and ch.new_text == para and ch.new.start == p.start


@FEW
@given(st.sampled_from(BASES), st.data())
def test_rewritten_sentence_stays_in_its_place(rel, data):
    """Several words replaced: changes only inside that sentence, the pair still in place."""
    r = base(rel)
    w = pick(data, [w for w in body_sentences(rel) if len(key_of(w.sent.text)) >= 40], "sentence")
    toks = word_tokens(r.text, w.sent)
    assume(len(toks) >= 6)
    chosen = sorted({toks[data.draw(st.integers(0, len(toks) - 1), label="word")] for _ in range(3)})
    text = r.text
    for a, b in reversed(chosen):
        text = text[:a] + pick(data, replacements(r.text[a:b]), "replacement") + text[b:]
    grow = len(text) - len(r.text)
    c = run(rel, Edit(text, [w.sent.span], [Span(w.sent.start, w.sent.end + grow)]))
    assert 1 <= len(c.changes) <= len(chosen)
    assert all(ch.kind is ChangeKind.REPLACE for ch in c.changes)
    assert {c.pairs[ch.pair].kind for ch in c.changes} == {PairKind.CHANGED}
