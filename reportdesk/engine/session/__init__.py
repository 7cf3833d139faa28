"""A live comparison session: the draft followed keystroke by keystroke (see ``live``).

The names come from their sub-modules on first use (as in ``reportdesk.engine``): the
screen's deltas and ranges are light, ``live`` brings the whole comparison pipeline.  The
window's process names ``live_*`` to send them to the engine process, which runs them: they
are defined here, light, and import ``live`` when called (issue 12: start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportdesk.engine.lazy import lazy_names

if TYPE_CHECKING:
    from reportdesk.engine.model import Comparison
    from reportdesk.engine.session.delta import (
        DraftEdit,
        Screen,
        ScreenDelta,
        apply_delta,
        common_ends,
        line_edit,
        remap_line,
        screen_of,
    )
    from reportdesk.engine.session.live import SessionLost
    from reportdesk.engine.session.pack import pack_comparison, unpack_comparison
    from reportdesk.engine.session.ranges import (
        DELETED,
        INSERTED,
        MOVED,
        TARGET,
        LineRanges,
        Range,
        change_kind,
        comparison_ranges,
        flatten,
        per_line,
        target_mark,
    )

_LAZY: dict[str, str] = {
    **dict.fromkeys(
        ("DraftEdit", "Screen", "ScreenDelta", "apply_delta", "common_ends", "line_edit", "remap_line", "screen_of"),
        "delta",
    ),
    "SessionLost": "live",
    **dict.fromkeys(("pack_comparison", "unpack_comparison"), "pack"),
    **dict.fromkeys(
        ("DELETED", "INSERTED", "MOVED", "TARGET", "LineRanges", "Range", "change_kind", "comparison_ranges",
         "flatten", "per_line", "target_mark"),
        "ranges",
    ),
}

__all__ = [
    "DELETED",
    "INSERTED",
    "MOVED",
    "TARGET",
    "DraftEdit",
    "LineRanges",
    "Range",
    "Screen",
    "ScreenDelta",
    "SessionLost",
    "apply_delta",
    "change_kind",
    "common_ends",
    "comparison_ranges",
    "flatten",
    "line_edit",
    "live_close",
    "live_edit",
    "live_exact",
    "live_start",
    "pack_comparison",
    "unpack_comparison",
    "per_line",
    "remap_line",
    "screen_of",
    "target_mark",
]


def live_start(sid: str, c: Comparison, revision: int = 0) -> Screen:
    from reportdesk.engine.session import live

    return live.live_start(sid, c, revision)


def live_edit(sid: str, edit: DraftEdit) -> ScreenDelta:
    from reportdesk.engine.session import live

    return live.live_edit(sid, edit)


def live_exact(sid: str, revision: int) -> ScreenDelta | None:
    from reportdesk.engine.session import live

    return live.live_exact(sid, revision)


def live_close(sid: str) -> None:
    from reportdesk.engine.session import live

    live.live_close(sid)


if not TYPE_CHECKING:  # hidden from mypy, which would otherwise accept any name from here
    __getattr__, __dir__ = lazy_names(__name__, _LAZY, globals(), __all__)
