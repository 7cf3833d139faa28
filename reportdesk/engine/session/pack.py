"""A comparison in pieces, so the window can rebuild it without one long pause.

Unpickling a national comparison is one C call of 50–100 ms that holds the
interpreter lock: the window's thread would stop for all of it.  Packed as
small pickles (the draft report, pairs and changes in runs, the target
layers), it is rebuilt piece by piece, and the window's thread runs between
pieces.  The older report never travels: the window has it.
"""

from __future__ import annotations

import pickle
import time
from dataclasses import fields
from typing import Any

from reportdesk.engine.model import Comparison, Report

_RUN = 80  # pairs or changes per piece: a few ms to rebuild
_SPLIT = ("pairs", "changes", "target_changes", "target_review")


def pack_comparison(c: Comparison, with_new: bool = True) -> tuple[bytes, ...]:
    """Pieces: the fields apart from the split ones and ``old`` (and ``new`` unless
    ``with_new``: the receiver has both reports), then each split field in runs."""
    dump = pickle.dumps
    left_out = ("old",) if with_new else ("old", "new")
    rest = {f.name: getattr(c, f.name) for f in fields(c) if f.name not in (*_SPLIT, *left_out)}
    pieces = [dump(rest, pickle.HIGHEST_PROTOCOL)]
    for name in _SPLIT:
        items = getattr(c, name)
        for i in range(0, max(len(items), 1), _RUN):
            pieces.append(dump((name, items[i : i + _RUN]), pickle.HIGHEST_PROTOCOL))
    return tuple(pieces)


def unpack_comparison(pieces: tuple[bytes, ...], old: Report, new: Report | None = None) -> Comparison:
    """The comparison again, with the window's own older report (and newer one, when it was
    left out); yields between pieces."""
    fields_: dict[str, Any] = pickle.loads(pieces[0])
    if new is not None:
        fields_["new"] = new
    parts: dict[str, list[Any]] = {name: [] for name in _SPLIT}
    for piece in pieces[1:]:
        time.sleep(0)  # let the window's thread take the lock between pieces
        name, items = pickle.loads(piece)
        parts[name].extend(items)
    fields_.update((k, tuple(v)) for k, v in parts.items())
    return Comparison(old=old, **fields_)
