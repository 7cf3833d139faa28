"""Token-level inline diff inside one aligned pair of sentences.

Each distinct token is encoded as one private character and diff-match-patch
runs on those strings with its timeout off: the answer is exact (never a
time-out's half result), and fast because aligned sentences are short.  Semantic
cleanup then runs at token level, so edits read as phrase replacements and never
split a word.  Clauses that only changed places (``A，B`` → ``B，A``) are marked
as moved instead of deleted and inserted.
"""

from __future__ import annotations

from collections.abc import Sequence

import diff_match_patch as dmp_module

from .model import InlineOp, Span
from .tokenize import token_key, tokenize

_PUNCT = set("，。；：、！？,.;:!?“”\"'‘’（）()《》 \u3000")
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


def diff_tokens(
    old_text: str,
    old_tokens: Sequence[tuple[int, int]],
    new_text: str,
    new_tokens: Sequence[tuple[int, int]],
    *,
    fold_width: bool = True,
) -> list[InlineOp]:
    """Diff two token sequences; ops cover both token ranges completely, in order."""
    if not old_tokens and not new_tokens:
        return []
    if len(old_tokens) + len(new_tokens) > MAX_TOKENS:
        return _coarse(old_tokens, new_tokens)
    table: dict[str, str] = {}
    a = _encode([token_key(old_text, t, fold_width=fold_width) for t in old_tokens], table)
    b = _encode([token_key(new_text, t, fold_width=fold_width) for t in new_tokens], table)
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    ops: list[InlineOp] = []
    i = j = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op == 0:
            ops.append(InlineOp("equal", _span(old_tokens, i, n), _span(new_tokens, j, n)))
            i += n
            j += n
        elif op == -1:
            ops.append(InlineOp("delete", _span(old_tokens, i, n), None))
            i += n
        else:
            ops.append(InlineOp("insert", None, _span(new_tokens, j, n)))
            j += n
    return _mark_moved_clauses(_merge_empty_keys(ops), old_text, new_text)


def diff_spans(old_text: str, old: Span, new_text: str, new: Span, *, fold_width: bool = True) -> list[InlineOp]:
    """Tokenize two spans and diff them."""
    return diff_tokens(
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
        ops.append(InlineOp("delete", Span(old_tokens[0][0], old_tokens[-1][1]), None))
    if new_tokens:
        ops.append(InlineOp("insert", None, Span(new_tokens[0][0], new_tokens[-1][1])))
    return ops


def _merge_empty_keys(ops: list[InlineOp]) -> list[InlineOp]:
    """Order as delete-then-insert inside each changed run (what readers expect)."""
    out: list[InlineOp] = []
    run: list[InlineOp] = []
    for op in ops + [InlineOp("equal", None, None)]:
        if op.op == "equal":
            run.sort(key=lambda o: 0 if o.op == "delete" else 1)
            out.extend(run)
            run = []
            if op.old is not None:
                out.append(op)
        else:
            run.append(op)
    return out


def _clause_key(text: str) -> str:
    from .normalize import fold

    return "".join(c for c in fold(text) if c not in _PUNCT)


def _mark_moved_clauses(ops: list[InlineOp], old_text: str, new_text: str) -> list[InlineOp]:
    """A deleted run whose words reappear as an inserted run elsewhere is a move."""
    dels = [(k, o) for k, o in enumerate(ops) if o.op == "delete" and o.old is not None]
    ins = [(k, o) for k, o in enumerate(ops) if o.op == "insert" and o.new is not None]
    if not dels or not ins:
        return ops
    moved: set[int] = set()
    ins_keys = {}
    for k, o in ins:
        assert o.new is not None
        key = _clause_key(new_text[o.new.start : o.new.end])
        if len(key) >= 4:
            ins_keys.setdefault(key, []).append(k)
    for k, o in dels:
        assert o.old is not None
        key = _clause_key(old_text[o.old.start : o.old.end])
        cands = ins_keys.get(key)
        if cands:
            other = cands.pop(0)
            moved.update((k, other))
    if not moved:
        return ops
    return [InlineOp(o.op, o.old, o.new, True) if k in moved else o for k, o in enumerate(ops)]
