"""The window's actions (menu items, shortcuts, toolbar buttons) and their menus.

Shortcuts follow Windows programs: Ctrl+O/S/Shift+S, Ctrl+Z/Y, Ctrl+F/H,
F8/Shift+F8 for the next/previous difference (as WinMerge and Meld use
Alt+↓/↑, those work too), F5 to compare again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSizePolicy, QStyle, QToolBar, QWidget


def _keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    return [QKeySequence(k) for k in keys]


class Actions(QObject):
    """Every QAction of the main window, created once with its shortcut."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        w = window
        style = w.style()

        def act(text: str, *keys: str | QKeySequence.StandardKey, icon: QStyle.StandardPixmap | None = None) -> QAction:
            a = QAction(text, w)
            if keys:
                a.setShortcuts(_keys(*keys))
            if icon is not None:
                a.setIcon(style.standardIcon(icon))
            w.addAction(a)  # shortcuts work even with the menu bar hidden
            return a

        SP = QStyle.StandardPixmap
        # File
        self.open = act(self.tr("&Open comparison…"), "Ctrl+O", icon=SP.SP_DialogOpenButton)
        self.open_folder = act(self.tr("Open a &folder of yearly reports…"))
        self.save = act(self.tr("&Save draft"), "Ctrl+S", icon=SP.SP_DialogSaveButton)
        self.save_as = act(self.tr("Save draft &as…"), "Ctrl+Shift+S")
        self.export = act(self.tr("&Export review document…"), "Ctrl+E", icon=SP.SP_FileDialogDetailedView)
        self.export_json = act(self.tr("Export comparison as &JSON…"))
        self.quit = act(self.tr("E&xit"), "Alt+F4")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.clear_recent = QAction(self.tr("&Clear list"), w)
        # Edit
        self.undo = act(self.tr("&Undo"), "Ctrl+Z")
        self.redo = act(self.tr("&Redo"), "Ctrl+Y", "Ctrl+Shift+Z")
        self.find = act(self.tr("&Find…"), "Ctrl+F")
        self.replace = act(self.tr("&Replace…"), "Ctrl+H")
        self.settings = act(self.tr("&Settings…"))
        # View
        self.font = act(self.tr("Text &font…"))
        self.zoom_in = act(self.tr("&Larger text"), "Ctrl+=", "Ctrl++")
        self.zoom_out = act(self.tr("&Smaller text"), "Ctrl+-")
        # Compare
        self.next_change = act(self.tr("&Next change"), "F8", "Alt+Down", icon=SP.SP_ArrowDown)
        self.prev_change = act(self.tr("&Previous change"), "Shift+F8", "Alt+Up", icon=SP.SP_ArrowUp)
        self.recompare = act(self.tr("Compare &again"), "F5", icon=SP.SP_BrowserReload)
        # Web-page extras (【字体：大 中 小】, 分享, 打印本页 …) are left out unless this is on.
        self.keep_clutter = act(self.tr("Keep &web-page extras"))
        self.keep_clutter.setCheckable(True)
        # Help
        self.about = act(self.tr("&About ReportDesk"))
        self.shortcuts = act(self.tr("&Keyboard shortcuts"), "F1")
        self.language_group = QActionGroup(w)
        self.lang_zh = QAction("简体中文", w, checkable=True)
        self.lang_en = QAction("English", w, checkable=True)
        self.lang_zh.setData("zh_CN")
        self.lang_en.setData("en")
        for a in (self.lang_zh, self.lang_en):
            self.language_group.addAction(a)
        # Toolbar texts are shorter than the menu entries; the icon is the only arrow.
        self.prev_change.setIconText(self.tr("Previous"))
        self.next_change.setIconText(self.tr("Next"))
        self.open.setIconText(self.tr("Open"))
        self.export.setIconText(self.tr("Export review"))
        self.prev_change.setToolTip(self.tr("Previous change (Shift+F8, Alt+↑)"))
        self.next_change.setToolTip(self.tr("Next change (F8, Alt+↓)"))

    def needing_comparison(self) -> list[QAction]:
        """Actions that make no sense before a comparison is open."""
        return [
            self.save, self.save_as, self.export, self.export_json, self.next_change,
            self.prev_change, self.recompare, self.find, self.replace,
        ]


def _fill(target: QMenu | QToolBar, items: list[QAction | None]) -> None:
    """Add ``items`` in order; None is a separator."""
    for item in items:
        if item is None:
            target.addSeparator()
        else:
            target.addAction(item)


class Menus(QObject):
    """Menu bar and toolbar; ``recent`` is refilled by the window."""

    def __init__(self, window: QMainWindow, a: Actions, docks: list[QAction]) -> None:
        super().__init__(window)
        bar = window.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addAction(a.open)
        self.recent: QMenu = file.addMenu(self.tr("Open &recent"))
        _fill(file, [a.open_folder, None, a.save, a.save_as, None, a.export, None, a.quit])
        _fill(bar.addMenu(self.tr("&Edit")), [a.undo, a.redo, None, a.find, a.replace, None, a.settings])
        _fill(bar.addMenu(self.tr("&View")), [*docks, None, a.font, a.zoom_in, a.zoom_out])
        _fill(bar.addMenu(self.tr("&Compare")), [a.next_change, a.prev_change, None, a.recompare, a.keep_clutter])
        _fill(bar.addMenu(self.tr("E&xport")), [a.export, a.export_json])
        help_ = bar.addMenu(self.tr("&Help"))
        help_.addAction(a.shortcuts)
        _fill(help_.addMenu(self.tr("&Language")), [a.lang_zh, a.lang_en])
        _fill(help_, [None, a.about])
        self.toolbar = self._toolbar(window, a)

    def _toolbar(self, window: QMainWindow, a: Actions) -> QToolBar:
        tb = QToolBar(self.tr("Main toolbar"), window)
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        _fill(tb, [a.open, None, a.prev_change, a.next_change, None, a.export])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        self.caption = QLabel("")
        self.caption.setObjectName("comparisonCaption")
        self.caption.setStyleSheet("font-weight: bold; padding: 0 12px;")
        tb.addWidget(self.caption)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        return tb
