from __future__ import annotations

import pytest

from reportdesk.engine.comparison.navigation import ChangeIndex
from reportdesk.engine.diff.document import document_ops
from reportdesk.engine.model import OpKind

from .conftest import comparison
from .test_compare import HAILAR_PAIRS, NATIONAL_PAIRS


@pytest.mark.parametrize("old_rel,new_rel", NATIONAL_PAIRS + HAILAR_PAIRS)
def test_document_ops_rebuild_both_texts_exactly(old_rel, new_rel):
    c = comparison(old_rel, new_rel)
    ops = document_ops(c)
    old = "".join(c.old.text[o.old.start : o.old.end] for o in ops if o.op in ("equal", "delete"))
    new = "".join(c.new.text[o.new.start : o.new.end] for o in ops if o.op in ("equal", "insert"))
    assert old == c.old.text
    assert new == c.new.text
    for o in ops:
        if o.op is OpKind.EQUAL:
            assert c.old.text[o.old.start : o.old.end] == c.new.text[o.new.start : o.new.end]


def test_document_ops_name_their_changes(national_2024_2025):
    ops = document_ops(national_2024_2025)
    ids = {o.change for o in ops if o.op is not OpKind.EQUAL and o.change is not None}
    # Nearly every change is reachable from the document's edit script.
    assert len(ids) >= 0.9 * len(national_2024_2025.changes)
    assert any(o.moved for o in ops)


def test_next_and_previous(national_2024_2025):
    idx = ChangeIndex(national_2024_2025)
    first = idx.next_of(None)
    assert first is not None and first.id == 0
    second = idx.next_of(first)
    assert second is not None and second.id == 1
    assert idx.previous_of(second) == first
    assert idx.previous_of(first) is None
    last = idx.previous_of(None)
    assert last is not None and idx.next_of(last) is None


def test_change_at_position(national_2024_2025):
    idx = ChangeIndex(national_2024_2025)
    cpi = next(c for c in national_2024_2025.changes if c.old_text == "3%左右")
    assert idx.at(cpi.new.start + 1, "new") == cpi
    assert idx.at(cpi.old.start, "old") == cpi
    nxt = idx.next_after(cpi.new.start)
    assert nxt is not None and nxt.new.start > cpi.new.start
    prev = idx.previous_before(cpi.new.start)
    assert prev is not None and prev.new.start < cpi.new.start


def test_change_at_agrees_with_a_full_scan(national_2024_2025):
    """ChangeIndex.at finds what scanning every change finds, even inside long changes."""
    c = national_2024_2025
    idx = ChangeIndex(c)
    for side, text in (("new", c.new.text), ("old", c.old.text)):
        spans = [(getattr(ch, side), ch) for ch in c.changes]
        ordered = sorted(spans, key=lambda sc: (sc[0].start, sc[1].id))
        for pos in range(0, len(text) + 1, 7):
            hits = [ch for span, ch in ordered if span.start <= pos < span.end or span.start == span.end == pos]
            assert idx.at(pos, side) == (hits[-1] if hits else None), (side, pos)
