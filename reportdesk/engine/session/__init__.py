"""A live comparison session: the draft followed keystroke by keystroke (see ``live``)."""

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
from reportdesk.engine.session.live import (
    SessionLost,
    live_close,
    live_edit,
    live_exact,
    live_start,
)
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
