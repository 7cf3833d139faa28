"""What the window's controllers share: settings, the task runner, the open session.

No widgets: a controller that needs something from the window asks for it
through its own small host interface (a ``typing.Protocol``) or a signal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject

from reportdesk.app import engine_process
from reportdesk.app.session import Session
from reportdesk.app.settings import Settings
from reportdesk.app.tasks import TaskRunner


@dataclass
class AppContext:
    settings: Settings
    data_dir: Path  # logs, autosaves and recovered drafts
    runner: TaskRunner
    session: Session = field(default_factory=Session)

    @classmethod
    def create(cls, settings: Settings, data_dir: Path, owner: QObject | None = None) -> AppContext:
        """A fresh session whose jobs run in the shared engine process (``owner`` keeps the runner)."""
        return cls(settings, data_dir, TaskRunner(owner, engine_process.shared()))
