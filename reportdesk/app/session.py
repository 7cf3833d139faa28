"""The open comparison as data: files, reports, the draft, the latest result.

No widgets and no Qt: the window reads and updates this, tests can check it
directly, and autosave serializes a part of it.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from reportdesk.engine import Comparison, Report
from reportdesk.export.atomic import same_file

_YEAR = re.compile(r"(19|20)\d\d")


def side_year(report: Report | None, path: str = "") -> int | None:
    """The year a side is about: the report's own, else one in its file name."""
    if report is not None and report.year:
        return report.year
    m = _YEAR.search(Path(path or (report.path if report else "")).stem)
    return int(m.group(0)) if m else None


def year_label(report: Report | None, path: str = "", pattern: str = "%1年报告") -> str:
    """A short name for a side: "2024年报告" (``pattern`` in other languages), else the file name."""
    year = side_year(report, path)
    if year is not None:
        return pattern.replace("%1", str(year))
    return Path(path or (report.path if report else "")).stem or "草稿"


@dataclass
class Session:
    """State of one comparison; ``draft_text`` is the editor's text as last reported."""

    old_path: str = ""
    new_path: str = ""  # the file the draft was opened from ("" for a new or recovered draft)
    old_report: Report | None = None
    new_report: Report | None = None  # as loaded (the draft may have moved on)
    comparison: Comparison | None = None
    draft_text: str = ""
    saved_text: str = ""  # the draft's text when it was last loaded or saved
    save_path: str = ""  # where Save writes without asking; "" means Save asks
    confirmed_overwrite: bool = False  # user agreed to overwrite the opened file
    draft_revision: int = 0  # +1 per edit notification; compare results name the revision they saw
    series: dict[int, Report] = field(default_factory=dict)  # year -> report when a folder is open
    series_table: object | None = None  # the engine's Series of the loaded folder, if any
    # Names the live session in the engine process that holds this draft (engine.session).
    # A new id per load and per whole re-compare: edits still on their way to an older
    # session can then never land on the text that replaced it.
    sid: str = field(default_factory=lambda: uuid.uuid4().hex)
    handed: list[str] = field(default_factory=list)  # ids given to jobs, not adopted yet

    def new_sid(self) -> str:
        """A fresh id for a job that starts a live session."""
        sid = uuid.uuid4().hex
        self.handed.append(sid)
        return sid

    def adopt(self, sid: str) -> list[str]:
        """Session ``sid`` now holds the draft; the ids of the sessions no longer needed."""
        gone = [x for x in (self.sid, *self.handed) if x != sid]
        self.sid, self.handed = sid, []
        return gone

    @property
    def is_open(self) -> bool:
        return self.old_report is not None

    @property
    def dirty(self) -> bool:
        return self.is_open and self.draft_text != self.saved_text

    def open_pair(self, old: Report, new: Report) -> None:
        self.old_path, self.new_path = old.path, new.path
        self.old_report, self.new_report = old, new
        self.comparison = None
        self.draft_text = self.saved_text = new.text
        self.save_path = ""
        self.confirmed_overwrite = False
        self.draft_revision += 1

    def edit(self, text: str) -> int:
        self.draft_text = text
        self.draft_revision += 1
        return self.draft_revision

    def mark_saved(self, path: str, text: str) -> None:
        self.save_path = path
        self.saved_text = text
        if Path(path).resolve() == self.opened_path():
            self.confirmed_overwrite = True

    def opened_path(self) -> Path | None:
        return Path(self.new_path).resolve() if self.new_path else None

    def needs_overwrite_question(self, path: str) -> bool:
        """True when ``path`` is the file the draft came from and the user has not agreed yet."""
        opened = self.opened_path()
        return opened is not None and Path(path).resolve() == opened and not self.confirmed_overwrite

    def is_input(self, path: str) -> bool:
        """True for either file being compared (exports must never overwrite them)."""
        target = Path(path).expanduser()
        return any(p and same_file(target, Path(p)) for p in (self.old_path, self.new_path))

    def labels(self, pattern: str = "%1年报告") -> tuple[str, str]:
        old = year_label(self.old_report, self.old_path, pattern)
        new = year_label(self.new_report, self.new_path, pattern)
        if new == old:
            new = Path(self.new_path).stem or "草稿"
        return old, new

    def window_caption(self, pattern: str = "%1 ⇄ %2（草稿）", year_pattern: str = "%1年报告") -> str:
        """“2024年报告 ⇄ 2025年报告（草稿）” with a * while there are unsaved edits."""
        if not self.is_open:
            return ""
        old, new = self.labels(year_pattern)
        star = " *" if self.dirty else ""
        return pattern.replace("%1", old).replace("%2", new) + star
