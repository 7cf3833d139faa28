"""Web-page extras a comparison left out (【字体：大 中 小】, 分享, 打印本页 …): say so and
offer to keep them (issue 13, item 7).

The notice follows the options the comparison ran with (``clutter_notice``), not the
file.  After a comparison opens, one question offers to keep them; Compare ▸ Keep
web-page extras does the same at any time.  The choice lasts while the program runs
(``Settings.keep_clutter`` is not saved), and a declined offer is not repeated.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from reportdesk.app.context import AppContext
from reportdesk.app.jobs import Opened
from reportdesk.ui.dialogs import prompts


class ClutterController(QObject):
    def __init__(
        self,
        ctx: AppContext,
        action: QAction,
        opened: SignalInstance,
        recompare: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.action, self._recompare, self._parent = ctx, action, recompare, parent
        self.declined = False
        action.setChecked(ctx.settings.keep_clutter)
        action.toggled.connect(lambda on: self.set_keep(bool(on)))
        opened.connect(self.offer)

    def set_keep(self, on: bool) -> None:
        if on == self.ctx.settings.keep_clutter:
            return
        self.ctx.settings.keep_clutter = on
        self._recompare()

    def offer(self, result: Opened) -> None:
        """Once a comparison is on screen: extras left out? Ask (once a run) to keep them."""
        from reportdesk.engine import clutter_notice  # the word diff: imported ahead by gui.warm_up

        notice = clutter_notice(result.comparison)
        if not notice or self.declined:
            return
        if prompts.ask_keep_clutter(self._parent, notice):
            self.action.setChecked(True)  # toggled → set_keep → compare again
        else:
            self.declined = True
