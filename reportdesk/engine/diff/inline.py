"""Token-level inline diff inside one aligned pair of sentences.

Each distinct token is encoded as one private character and diff-match-patch
runs on those strings with its timeout off: the answer is exact (never a
time-out's half result), and fast because aligned sentences are short.  Semantic
cleanup then runs at token level, so edits read as phrase replacements and never
split a word.  Clauses that only changed places (``A，B`` → ``B，A``) are marked
as moved instead of deleted and inserted.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache

import diff_match_patch as dmp_module

from reportdesk.engine.model import InlineOp, OpKind, Span
from reportdesk.engine.text.normalize import fold
from reportdesk.engine.text.tokenize import tokenize

_PUNCT = set("，。；：、！？,.;:!?“”\"'‘’（）()《》 \u3000")
_SPACE_RE = re.compile(r"\s+")
_CLAUSE_PUNCT = re.compile(r"[，、；：,;:]")
_SENTENCE_CLAUSE_PUNCT = re.compile(r"[，；：,;:]")  # 、 joins items inside one clause
_DMP = dmp_module.diff_match_patch()
_DMP.Diff_Timeout = 0  # exact; inputs are sentence-sized
# Guardrail: a pair longer than this many tokens (a pasted chapter) is diffed
# as delete + insert, and says so through the ``coarse`` flag.
MAX_TOKENS = 4000


def _encode(keys: Sequence[str], table: dict[str, str]) -> str:
    out = []
    for k in keys:
        c = table.get(k)
        if c is None:
            c = chr(0xF0000 + len(table))  # plane-15 private use: never in report text
            table[k] = c
        out.append(c)
    return "".join(out)


def diff_tokens_checked(
    old_text: str,
    old_tokens: Sequence[tuple[int, int]],
    new_text: str,
    new_tokens: Sequence[tuple[int, int]],
    *,
    fold_width: bool = True,
    semantic: bool = True,
) -> tuple[list[InlineOp], bool]:
    """Diff two token sequences, and whether the MAX_TOKENS guardrail made the answer coarse.

    ``semantic=False`` skips the semantic cleanup: front matter, lines of a few
    words each, keeps every shared word (a title line is never replaced whole).

    The ops cover both token ranges completely, in order.

    Shared leading and trailing tokens are cut off first, so only the part that
    differs counts against the guardrail: one edited word in a 50 000-character
    paragraph is still found exactly.
    """
    if not old_tokens and not new_tokens:
        return [], False
    ka = _token_keys(old_text, old_tokens, fold_width)
    kb = _token_keys(new_text, new_tokens, fold_width)
    pre = suf = 0
    if len(ka) + len(kb) > MAX_TOKENS:
        while pre < len(ka) and pre < len(kb) and ka[pre] == kb[pre]:
            pre += 1
        while suf < len(ka) - pre and suf < len(kb) - pre and ka[len(ka) - 1 - suf] == kb[len(kb) - 1 - suf]:
            suf += 1
    head = [InlineOp(OpKind.EQUAL, _span(old_tokens, 0, pre), _span(new_tokens, 0, pre))] if pre else []
    tail = [InlineOp(OpKind.EQUAL, _span(old_tokens, len(ka) - suf, suf), _span(new_tokens, len(kb) - suf, suf))] if suf else []
    ot, nt = old_tokens[pre : len(ka) - suf], new_tokens[pre : len(kb) - suf]
    if len(ot) + len(nt) > MAX_TOKENS:
        return head + _coarse(ot, nt) + tail, True
    table: dict[str, str] = {}
    a = _encode(ka[pre : len(ka) - suf], table)
    b = _encode(kb[pre : len(kb) - suf], table)
    diffs = _DMP.diff_main(a, b, False)
    if semantic:
        _DMP.diff_cleanupSemantic(diffs)
    ops: list[InlineOp] = []
    i = j = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op == 0:
            ops.append(InlineOp(OpKind.EQUAL, _span(ot, i, n), _span(nt, j, n)))
            i += n
            j += n
        elif op == -1:
            ops.append(InlineOp(OpKind.DELETE, _span(ot, i, n), None))
            i += n
        else:
            ops.append(InlineOp(OpKind.INSERT, None, _span(nt, j, n)))
            j += n
    ops = _same_text_runs(_merge_empty_keys(ops), old_text, new_text, fold_width)
    ops = _mark_moved_clauses(ops, old_text, new_text)
    return head + ops + tail, False


def _token_keys(text: str, tokens: Sequence[tuple[int, int]], fold_width: bool) -> list[str]:
    """``token_key`` of each token, the text they lie in folded once (folding goes character by
    character, so a slice of the folded text is the folded slice) and spaces removed only
    when there are any: one call per token was a tenth of the inline diff."""
    if not tokens:
        return []
    lo = min(a for a, _ in tokens)
    part = text[lo : max(b for _, b in tokens)]
    if fold_width:
        part = fold(part)
    if _SPACE_RE.search(part) is None:
        return [part[a - lo : b - lo] for a, b in tokens]
    return [_SPACE_RE.sub("", part[a - lo : b - lo]) for a, b in tokens]


def diff_spans_checked(
    old_text: str, old: Span, new_text: str, new: Span, *, fold_width: bool = True
) -> tuple[list[InlineOp], bool]:
    """Tokenize two spans and diff them, and whether the answer is coarse (see diff_tokens_checked).

    Clauses that only changed order are moves.

    Results are cached by the two texts (a re-compare after a keystroke meets
    the same sentence pairs again) and shifted to where the spans stand.
    """
    # MAX_TOKENS is part of the key: the guardrail decides what the answer is.
    ops, coarse = _diff_pieces(old_text[old.start : old.end], new_text[new.start : new.end], fold_width, MAX_TOKENS)
    return [_shift(op, old.start, new.start) for op in ops], coarse


def _shift(op: InlineOp, do: int, dn: int) -> InlineOp:
    o = Span(op.old.start + do, op.old.end + do) if op.old is not None else None
    n = Span(op.new.start + dn, op.new.end + dn) if op.new is not None else None
    return InlineOp(op.op, o, n, op.moved)


@lru_cache(maxsize=4096)
def _diff_pieces(old_piece: str, new_piece: str, fold_width: bool, _limit: int) -> tuple[tuple[InlineOp, ...], bool]:
    ops, coarse = _diff_spans_uncached(old_piece, Span(0, len(old_piece)), new_piece, Span(0, len(new_piece)), fold_width=fold_width)
    return tuple(ops), coarse


def _diff_spans_uncached(
    old_text: str, old: Span, new_text: str, new: Span, *, fold_width: bool = True
) -> tuple[list[InlineOp], bool]:
    if _reads_same(old_text[old.start : old.end], new_text[new.start : new.end], fold_width):
        return [InlineOp(OpKind.EQUAL, old, new)], False  # stray spaces would re-cut the words
    reordered = _reordered_clauses(old_text, old, new_text, new)
    if reordered is not None:
        return reordered, False
    return diff_tokens_checked(
        old_text,
        tokenize(old_text, old.start, old.end),
        new_text,
        tokenize(new_text, new.start, new.end),
        fold_width=fold_width,
    )


def _span(tokens: Sequence[tuple[int, int]], i: int, n: int) -> Span:
    return Span(tokens[i][0], tokens[i + n - 1][1])


def _coarse(old_tokens: Sequence[tuple[int, int]], new_tokens: Sequence[tuple[int, int]]) -> list[InlineOp]:
    ops = []
    if old_tokens:
        ops.append(InlineOp(OpKind.DELETE, Span(old_tokens[0][0], old_tokens[-1][1]), None))
    if new_tokens:
        ops.append(InlineOp(OpKind.INSERT, None, Span(new_tokens[0][0], new_tokens[-1][1])))
    return ops


def _merge_empty_keys(ops: list[InlineOp]) -> list[InlineOp]:
    """Order as delete-then-insert inside each changed run (what readers expect)."""
    out: list[InlineOp] = []
    run: list[InlineOp] = []
    for op in ops + [InlineOp(OpKind.EQUAL, None, None)]:
        if op.op is OpKind.EQUAL:
            run.sort(key=lambda o: 0 if o.op is OpKind.DELETE else 1)
            out.extend(run)
            run = []
            if op.old is not None:
                out.append(op)
        else:
            run.append(op)
    return out


def _reads_same(a: str, b: str, fold_width: bool) -> bool:
    if fold_width:
        a, b = fold(a), fold(b)
    return _SPACE_RE.sub("", a) == _SPACE_RE.sub("", b)


def _same_text_runs(ops: list[InlineOp], old_text: str, new_text: str, fold_width: bool) -> list[InlineOp]:
    """A changed run that reads the same once spaces (and widths) are ignored is equal.

    jieba cuts 高质量发 展 differently from 高质量发展, so the token diff sees a
    change where the reader sees none.
    """

    def key(t: str) -> str:
        return _SPACE_RE.sub("", fold(t) if fold_width else t)

    out: list[InlineOp] = []
    run: list[InlineOp] = []
    for op in ops + [InlineOp(OpKind.EQUAL, None, None)]:
        if op.op is not OpKind.EQUAL:
            run.append(op)
            continue
        if run:
            ds = [r.old for r in run if r.old is not None]
            ns = [r.new for r in run if r.new is not None]
            if ds and ns:
                o, n = Span(ds[0].start, ds[-1].end), Span(ns[0].start, ns[-1].end)
                if key(old_text[o.start : o.end]) == key(new_text[n.start : n.end]):
                    run = [InlineOp(OpKind.EQUAL, o, n)]
            out += run
            run = []
        if op.old is not None:
            out.append(op)
    return out


_PUNCT_RUN = re.compile("[" + "".join(re.escape(c) for c in sorted(_PUNCT)) + "]+")


def _clause_key(text: str) -> str:
    return _PUNCT_RUN.sub("", fold(text))


def _mark_moved_clauses(ops: list[InlineOp], old_text: str, new_text: str) -> list[InlineOp]:
    """Find clauses that only changed places and mark them as moved.

    Semantic cleanup turns ``A，B`` → ``B，A`` into one delete and one insert;
    re-diffing such a run clause by clause recovers the unchanged clause and the
    moved one.  Then any deleted run whose words reappear as an inserted run is
    a move too.
    """
    out: list[InlineOp] = []
    k = 0
    while k < len(ops):
        o = ops[k]
        nxt = ops[k + 1] if k + 1 < len(ops) else None
        if o.op is OpKind.DELETE and nxt is not None and nxt.op is OpKind.INSERT and o.old and nxt.new:
            split = _clause_rediff(old_text, o.old, new_text, nxt.new)
            if split is not None:
                out += split
                k += 2
                continue
        out.append(o)
        k += 1
    return _pair_moved_runs(out, old_text, new_text)


def _clauses(text: str, span: Span, punct: re.Pattern[str] = _CLAUSE_PUNCT) -> list[tuple[int, int]]:
    """Clause and punctuation pieces covering span."""
    pieces = []
    pos = span.start
    for m in punct.finditer(text, span.start, span.end):
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pieces.append(m.span())
        pos = m.end()
    if pos < span.end:
        pieces.append((pos, span.end))
    return pieces


def _clause_rediff(
    old_text: str, old: Span, new_text: str, new: Span, punct: re.Pattern[str] = _CLAUSE_PUNCT
) -> list[InlineOp] | None:
    a = _clauses(old_text, old, punct)
    b = _clauses(new_text, new, punct)
    if len(a) < 3 or len(b) < 3:
        return None
    ka = [_clause_key(old_text[s:e]) or old_text[s:e] for s, e in a]
    kb = [_clause_key(new_text[s:e]) or new_text[s:e] for s, e in b]
    if sorted(k for k in ka if len(k) >= 4) != sorted(k for k in kb if len(k) >= 4):
        return None  # not a pure reordering of clauses
    sm = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    ops: list[InlineOp] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            ops.append(InlineOp(OpKind.EQUAL, Span(a[i1][0], a[i2 - 1][1]), Span(b[j1][0], b[j2 - 1][1])))
            continue
        for i in range(i1, i2):
            ops.append(InlineOp(OpKind.DELETE, Span(*a[i]), None))
        for j in range(j1, j2):
            ops.append(InlineOp(OpKind.INSERT, None, Span(*b[j])))
    return ops


def _reordered_clauses(old_text: str, old: Span, new_text: str, new: Span) -> list[InlineOp] | None:
    """Clause-level ops when the two spans hold the same clauses in another order.

    A token diff of ``向A，向B，`` → ``向B，向A，`` keeps the shared 向 in place and
    reports two rewrites; at clause level it is one moved clause.
    """
    # The clause keys of a span make up its key (clause punctuation keys to ""): clauses that
    # only changed places leave its length as it was.  Most edited sentences stop here.
    if len(_clause_key(old_text[old.start : old.end])) != len(_clause_key(new_text[new.start : new.end])):
        return None
    a, b = _clauses(old_text, old, _SENTENCE_CLAUSE_PUNCT), _clauses(new_text, new, _SENTENCE_CLAUSE_PUNCT)
    ka = [_clause_key(old_text[s:e]) for s, e in a]
    kb = [_clause_key(new_text[s:e]) for s, e in b]
    words_a, words_b = [k for k in ka if k], [k for k in kb if k]
    if len(words_a) < 2 or words_a == words_b or sorted(words_a) != sorted(words_b):
        return None
    ops = _clause_rediff(old_text, old, new_text, new, _SENTENCE_CLAUSE_PUNCT)
    return None if ops is None else _pair_moved_runs(ops, old_text, new_text)


def _pair_moved_runs(ops: list[InlineOp], old_text: str, new_text: str) -> list[InlineOp]:
    """A deleted run whose words reappear as an inserted run elsewhere is a move."""
    ins_keys: dict[str, list[int]] = {}
    for k, o in enumerate(ops):
        if o.op is OpKind.INSERT and o.new is not None:
            key = _clause_key(new_text[o.new.start : o.new.end])
            if len(key) >= 4:
                ins_keys.setdefault(key, []).append(k)
    moved: set[int] = set()
    for k, o in enumerate(ops):
        if o.op is OpKind.DELETE and o.old is not None:
            cands = ins_keys.get(_clause_key(old_text[o.old.start : o.old.end]))
            if cands:
                moved.update((k, cands.pop(0)))
    if not moved:
        return ops
    # Punctuation that travelled with a moved clause is part of the move.
    for k, o in enumerate(ops):
        if o.op is not OpKind.EQUAL and k not in moved and not _clause_key(_op_text(o, old_text, new_text)):
            if (k > 0 and k - 1 in moved) or (k + 1 < len(ops) and k + 1 in moved):
                moved.add(k)
    return [InlineOp(o.op, o.old, o.new, True) if k in moved else o for k, o in enumerate(ops)]


def _op_text(o: InlineOp, old_text: str, new_text: str) -> str:
    if o.old is not None:
        return old_text[o.old.start : o.old.end]
    assert o.new is not None
    return new_text[o.new.start : o.new.end]
