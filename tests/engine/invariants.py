"""The promises every Comparison keeps, checked by the mutation tests and the fuzzer.

Spans index the texts, changes are in reading order, pairs cover every sentence
exactly once, and ``document_ops`` rebuilds both texts character for character.
Kept apart from the test modules so that code outside pytest (``tests/fuzz``) can use
it without the test conftest (which loads Qt).
"""

from __future__ import annotations

from reportdesk.engine.diff.document import document_ops
from reportdesk.engine.model import ChangeKind, Comparison


def check_invariants(c: Comparison) -> None:
    old, new = c.old.text, c.new.text
    for ch in c.changes:
        assert old[ch.old.start : ch.old.end] == ch.old_text
        assert new[ch.new.start : ch.new.end] == ch.new_text
        assert ch.kind is not ChangeKind.MOVE or (ch.moved_from is not None and ch.moved_to is not None)
    starts = [(ch.new.start) for ch in c.changes]
    assert starts == sorted(starts), "changes out of reading order"
    assert [ch.id for ch in c.changes] == list(range(len(c.changes)))
    # Every sentence lies in exactly one pair (web-page chrome may lie in none unless
    # kept), and a pair covers whole sentences.
    keep = c.options.keep_clutter
    for side, report_ in (("old", c.old), ("new", c.new)):
        spans = sorted(getattr(p, side) for p in c.pairs if getattr(p, side) is not None)
        sents = [(s.span, p.clutter and not keep) for p in report_.paragraphs for s in p.sentences]
        k = 0
        for sp in spans:
            while k < len(sents) and sents[k][1] and sents[k][0].start < sp.start:
                k += 1
            assert k < len(sents) and sents[k][0].start == sp.start, (side, sp)
            while k < len(sents) and sents[k][0].end <= sp.end:
                k += 1
            assert sents[k - 1][0].end == sp.end, (side, sp)
        assert all(chrome for _, chrome in sents[k:]), side
    ops = document_ops(c)
    assert "".join(old[o.old.start : o.old.end] for o in ops if o.op in ("equal", "delete")) == old
    assert "".join(new[o.new.start : o.new.end] for o in ops if o.op in ("equal", "insert")) == new
    for o in ops:
        if o.op == "equal":
            assert old[o.old.start : o.old.end] == new[o.new.start : o.new.end]
    # The counts are of the sentences compared: web-page chrome is left out unless kept.
    s = c.stats
    assert s.sentences_old == sum(len(p.sentences) for p in c.old.paragraphs if keep or not p.clutter)
    assert s.sentences_new == sum(len(p.sentences) for p in c.new.paragraphs if keep or not p.clutter)
