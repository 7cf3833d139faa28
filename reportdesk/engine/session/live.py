"""The open comparison, kept where the engine runs, followed edit by edit.

The engine process keeps the older report, the draft's lines and the screen
it last described.  ``live_edit`` answers a keystroke at once from the kept
alignment (the fast path); ``live_exact`` re-compares the whole draft and
sends only the lines whose marks differ from what the fast path showed.  An
exact pass overtaken by newer edits replays them on its result, so the
screen converges while the clerk keeps typing; the comparison itself (for the
panels) travels only with an exact pass on the newest revision, without the
older report, which the window already has.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from reportdesk.engine.comparison.pipeline import compare
from reportdesk.engine.model import Comparison, Report
from reportdesk.engine.phrases import compare_phrases
from reportdesk.engine.session.delta import DraftEdit, Screen, ScreenDelta, changed_lines, screen_of
from reportdesk.engine.session.fast import FastState, fast_edit, index_pairs, line_starts
from reportdesk.engine.session.pack import pack_comparison
from reportdesk.engine.structure.build import report_from_text
from reportdesk.engine.text.tokenize import warm_up

EDIT_WAIT = 30.0  # s: an edit's fast path takes milliseconds; longer means it was lost


class SessionLost(LookupError):
    """The engine holds no such session (it restarted): open it again."""


class LiveSession:
    def __init__(self, c: Comparison, revision: int = 0) -> None:
        self.old, self.options = c.old, c.options
        self.base = c.new  # path, title and year for every draft report
        self.revision = revision
        self.seq = 0
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)  # an edit reached the session
        self._log: list[DraftEdit] = []  # edits since the last exact pass started
        self.lost = False  # an edit for another text came: the window must start afresh
        self.state = self._state_of(c)

    def _state_of(self, c: Comparison) -> FastState:
        scr = screen_of(c)
        return FastState(
            old_text=c.old.text,
            old_starts=line_starts(c.old.text),
            lines=c.new.text.split("\n"),
            old_screen=list(scr.old),
            new_screen=list(scr.new),
            pairs=index_pairs(c),
            fold_width=c.options.ignore_punctuation_width,
        )

    def screen(self) -> Screen:
        with self._lock:
            return Screen(tuple(self.state.old_screen), tuple(self.state.new_screen))

    def edit(self, e: DraftEdit) -> ScreenDelta:
        with self._lock:
            # An edit computed against another revision (a session replaced under the window,
            # edits of an older one still on their way) would turn this text into neither:
            # refuse it, and every later call, so the window compares its own text afresh.
            if self.lost or e.base_revision != self.revision:
                self.lost = True
                self._arrived.notify_all()
                raise SessionLost(f"edit from revision {e.base_revision} on revision {self.revision}")
            if e.first + e.removed > len(self.state.lines):
                raise SessionLost(
                    f"edit of lines {e.first}+{e.removed} on a draft of {len(self.state.lines)}"
                )
            added, old = fast_edit(self.state, e)
            self.revision = e.revision
            self._log.append(e)
            self._arrived.notify_all()
            self.seq += 1
            return ScreenDelta(
                self.seq, e.revision, False, (e.first, e.removed, added), tuple(sorted(old.items()))
            )

    def exact(self, revision: int) -> ScreenDelta | None:
        """Re-compare the draft; None when a newer edit already asked for its own pass."""
        with self._lock:
            # The edit and its exact pass travel apart (each call on its own thread): a pass
            # that ran before its edit arrived would compare the older text, and no later
            # pass would come to bring the comparison.  Wait for the edit.
            if not self._arrived.wait_for(lambda: self.lost or self.revision >= revision, EDIT_WAIT):
                raise SessionLost(f"edit {revision} never reached the session (at {self.revision})")
            if self.lost:
                raise SessionLost(f"session lost before the exact pass of {revision}")
            if revision < self.revision:
                return None
            text, done = "\n".join(self.state.lines), len(self._log)
        draft = report_from_text(
            text, path=self.base.path, title=self.base.title, year=self.base.year
        )
        # The slow parts happen outside the lock: a keystroke's fast path must not wait.
        c = compare(self.old, draft, self.options, phrases=False)
        fresh = self._state_of(c)
        # Only a pass not overtaken sends its comparison (for the panels): the phrases are
        # counted for it alone, not for every pass the clerk types past (~7 ms each, on a
        # thread of the window's process).
        with self._lock:
            overtaken = len(self._log) > done
        packed = () if overtaken else self._packed(c, draft)
        with self._lock:
            later, self._log = self._log[done:], []
            if not later and not packed:  # (cannot happen while passes run one at a time)
                packed = self._packed(c, draft)
            for e in later:  # typed on meanwhile: carry the exact marks through those edits
                fast_edit(fresh, e)
            before = self.state
            self.state = fresh
            self.seq += 1
            return ScreenDelta(
                self.seq,
                self.revision,
                not later,
                old=changed_lines(before.old_screen, fresh.old_screen),
                new=changed_lines(before.new_screen, fresh.new_screen),
                packed=() if later else packed,
            )

    def _packed(self, c: Comparison, draft: Report) -> tuple[bytes, ...]:
        return pack_comparison(replace(c, phrases=compare_phrases(self.old, draft)))


_SESSIONS: dict[str, LiveSession] = {}


def live_start(sid: str, c: Comparison, revision: int = 0) -> Screen:
    """Keep ``c`` as session ``sid`` (in the process that computed it); its screen.

    The first keystroke re-diffs a sentence word by word: jieba's dictionary is loaded
    now, in the background, if the comparison did not need it (else that keystroke
    would wait ~1 s for it)."""
    s = _SESSIONS[sid] = LiveSession(c, revision)
    threading.Thread(target=warm_up, name="reportdesk-jieba", daemon=True).start()
    return s.screen()


def live_edit(sid: str, edit: DraftEdit) -> ScreenDelta:
    s = _SESSIONS.get(sid)
    if s is None:
        raise SessionLost(sid)
    return s.edit(edit)


def live_exact(sid: str, revision: int) -> ScreenDelta | None:
    s = _SESSIONS.get(sid)
    if s is None:
        raise SessionLost(sid)
    return s.exact(revision)


def live_close(sid: str) -> None:
    _SESSIONS.pop(sid, None)
