"""Autosave of the draft and recovery after a crash.

Each running window owns one autosave file ``autosave/draft-<id>.json`` plus a
``QLockFile`` next to it.  The lock is held while the program runs; Qt detects
a lock whose process died, so at start-up a draft whose lock can be taken
belongs to a program that did not exit cleanly: that is what we offer to
restore.  A clean exit (or a saved draft) deletes the file.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from reportdesk.engine import SaveError
from reportdesk.export import atomic

log = logging.getLogger(__name__)
FORMAT = 1


@dataclass(frozen=True)
class DraftSnapshot:
    text: str
    old_path: str = ""
    new_path: str = ""
    save_path: str = ""
    saved_at: float = 0.0

    def to_json(self) -> bytes:
        data = {"format": FORMAT, **self.__dict__}
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> DraftSnapshot:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT or not isinstance(data.get("text"), str):
            raise ValueError("not a ReportDesk autosave file")
        return cls(
            text=data["text"],
            old_path=str(data.get("old_path", "")),
            new_path=str(data.get("new_path", "")),
            save_path=str(data.get("save_path", "")),
            saved_at=float(data.get("saved_at", 0.0)),
        )


@dataclass(frozen=True)
class Recovery:
    """An autosaved draft left by a program that did not exit cleanly."""

    path: Path
    snapshot: DraftSnapshot
    _lock: QLockFile

    def discard(self) -> None:
        """Delete it (after restoring, or when the user declines)."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", self.path, exc)
        self._lock.unlock()


def autosave_dir(data_dir: Path) -> Path:
    return data_dir / "autosave"


def find_recoveries(data_dir: Path) -> list[Recovery]:
    """Drafts of dead instances, newest first; each comes with its lock held."""
    out: list[Recovery] = []
    folder = autosave_dir(data_dir)
    if not folder.is_dir():
        return out
    for path in folder.glob("draft-*.json"):
        lock = QLockFile(str(path.with_suffix(".lock")))
        lock.setStaleLockTime(0)  # only a dead owner makes it stale, never age
        if not lock.tryLock(0):
            continue  # another running ReportDesk owns it
        try:
            snap = DraftSnapshot.from_json(path.read_bytes())
        except (OSError, ValueError) as exc:
            log.warning("unreadable autosave %s: %s", path, exc)
            lock.unlock()
            continue
        out.append(Recovery(path, snap, lock))
    out.sort(key=lambda r: r.snapshot.saved_at, reverse=True)
    return out


class Autosaver(QObject):
    """Writes ``snapshot()`` every ``seconds`` while ``is_dirty()`` and the text changed."""

    def __init__(
        self,
        data_dir: Path,
        snapshot: Callable[[], DraftSnapshot],
        is_dirty: Callable[[], bool],
        seconds: int = 30,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self._is_dirty = is_dirty
        folder = autosave_dir(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"draft-{uuid.uuid4().hex[:12]}"
        self.path = folder / f"{name}.json"
        self._lock = QLockFile(str(folder / f"{name}.lock"))
        self._lock.setStaleLockTime(0)
        if not self._lock.tryLock(0):
            log.warning("could not lock %s", self._lock)
        self._last_text: str | None = None
        self.writes = 0
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, seconds) * 1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def set_interval(self, seconds: int) -> None:
        self.timer.setInterval(max(1, seconds) * 1000)

    def tick(self) -> bool:
        """Autosave now if needed; True when a file was written."""
        if not self._is_dirty():
            self.clear()
            return False
        snap = self._snapshot()
        if snap.text == self._last_text and self.path.exists():
            return False
        return self.write(snap)

    def write(self, snap: DraftSnapshot | None = None) -> bool:
        snap = snap or self._snapshot()
        snap = DraftSnapshot(snap.text, snap.old_path, snap.new_path, snap.save_path, time.time())
        try:
            # 0o600: a draft in progress is for its author's eyes only.
            # no journal: the next start removes a dead writer's temp file here by its name
            atomic.write_bytes(self.path, snap.to_json(), mode=0o600, journal=False)
        except SaveError as exc:  # autosave must never interrupt typing
            log.warning("autosave failed: %s (%s)", exc, exc.detail)
            return False
        self._last_text = snap.text
        self.writes += 1
        return True

    def clear(self) -> None:
        """The draft is saved (or closed clean): no recovery needed."""
        self._last_text = None
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove autosave: %s", exc)

    def shutdown(self) -> None:
        self.timer.stop()
        self.clear()
        self._lock.unlock()
