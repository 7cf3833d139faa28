"""Edit ▸ Find / Replace over the draft (and find in the earlier report).

Non-modal, like Word's.  "Replace all" is one edit block, so one Ctrl+Z
undoes it; the draft's own undo stack is used, nothing is written around it.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)


def find_in(editor: QTextEdit, needle: str, backward: bool = False, case: bool = False, wrap: bool = True) -> bool:
    """Select the next match in ``editor``; wraps around once."""
    if not needle:
        return False
    flags = QTextDocument.FindFlag(0)
    if backward:
        flags |= QTextDocument.FindFlag.FindBackward
    if case:
        flags |= QTextDocument.FindFlag.FindCaseSensitively
    doc = editor.document()
    found = doc.find(needle, editor.textCursor(), flags)
    if found.isNull() and wrap:
        start = QTextCursor(doc)
        if backward:
            start.movePosition(QTextCursor.MoveOperation.End)
        found = doc.find(needle, start, flags)
    if found.isNull():
        return False
    editor.setTextCursor(found)
    center_cursor(editor)
    return True


def center_cursor(editor: QTextEdit) -> None:
    """Scroll so the cursor's line sits in the middle of the pane (not at its bottom edge)."""
    editor.ensureCursorVisible()
    bar = editor.verticalScrollBar()
    offset = editor.cursorRect().center().y() - editor.viewport().height() // 2
    bar.setValue(bar.value() + offset)


def replace_all(editor: QTextEdit, needle: str, replacement: str, case: bool = False) -> int:
    """Replace every match as one undoable step; returns the count."""
    if not needle:
        return 0
    flags = QTextDocument.FindFlag.FindCaseSensitively if case else QTextDocument.FindFlag(0)
    doc = editor.document()
    count = 0
    edit = QTextCursor(doc)
    edit.beginEditBlock()
    try:
        cur = doc.find(needle, QTextCursor(doc), flags)
        while not cur.isNull():
            cur.insertText(replacement)
            count += 1
            cur = doc.find(needle, cur, flags)
    finally:
        edit.endEditBlock()
    return count


class FindReplaceDialog(QDialog):
    def __init__(self, draft: QTextEdit, earlier: QTextEdit | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.earlier = earlier
        self.setWindowTitle(self.tr("Find and replace"))
        self.setModal(False)
        grid = QGridLayout(self)
        self.find_edit = QLineEdit()
        self.replace_edit = QLineEdit()
        lab_f = QLabel(self.tr("Fi&nd:"))
        lab_f.setBuddy(self.find_edit)
        self.replace_label = QLabel(self.tr("Re&place with:"))
        self.replace_label.setBuddy(self.replace_edit)
        grid.addWidget(lab_f, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        opts = QHBoxLayout()
        self.case_box = QCheckBox(self.tr("Match &case"))
        self.earlier_box = QCheckBox(self.tr("Search the &earlier report"))
        self.earlier_box.setEnabled(earlier is not None)
        opts.addWidget(self.case_box)
        opts.addWidget(self.earlier_box)
        grid.addLayout(opts, 2, 0, 1, 2)
        self.status = QLabel("")
        grid.addWidget(self.status, 3, 0, 1, 2)
        col = QHBoxLayout()
        self.next_btn = QPushButton(self.tr("&Find next"))
        self.prev_btn = QPushButton(self.tr("Find pre&vious"))
        self.replace_btn = QPushButton(self.tr("&Replace"))
        self.replace_all_btn = QPushButton(self.tr("Replace &all"))
        close = QPushButton(self.tr("Close"))
        for b in (self.next_btn, self.prev_btn, self.replace_btn, self.replace_all_btn, close):
            col.addWidget(b)
        grid.addLayout(col, 4, 0, 1, 2)
        self.next_btn.setDefault(True)
        self.next_btn.clicked.connect(lambda: self.find_match(False))
        self.prev_btn.clicked.connect(lambda: self.find_match(True))
        self.replace_btn.clicked.connect(self.replace_one)
        self.replace_all_btn.clicked.connect(self.replace_everything)
        close.clicked.connect(self.close)
        self.earlier_box.toggled.connect(self._scope_changed)

    def show_mode(self, replace: bool) -> None:
        """Ctrl+F shows find only, Ctrl+H find and replace."""
        for w in (self.replace_edit, self.replace_label, self.replace_btn, self.replace_all_btn):
            w.setVisible(replace)
        if replace:
            self.earlier_box.setChecked(False)
        sel = self.draft.textCursor().selectedText()
        if sel and "\u2029" not in sel:
            self.find_edit.setText(sel)
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _target(self) -> QTextEdit:
        if self.earlier_box.isChecked() and self.earlier is not None:
            return self.earlier
        return self.draft

    def _scope_changed(self, earlier: bool) -> None:
        for w in (self.replace_btn, self.replace_all_btn):
            w.setEnabled(not earlier)

    def find_match(self, backward: bool = False) -> bool:
        ok = find_in(self._target(), self.find_edit.text(), backward, self.case_box.isChecked())
        self.status.setText("" if ok else self.tr("Not found."))
        return ok

    def replace_one(self) -> None:
        """Replace the selected match and select the next one (or say none is left)."""
        cur = self.draft.textCursor()
        needle = self.find_edit.text()
        same = cur.selectedText() == needle if self.case_box.isChecked() else cur.selectedText().lower() == needle.lower()
        replaced = bool(needle and cur.hasSelection() and same)
        if replaced:
            cur.insertText(self.replace_edit.text())
        if self.find_match(False):
            if replaced:
                self.status.setText(self.tr("Replaced; the next match is selected."))
        elif replaced:
            self.status.setText(self.tr("Replaced; no more matches."))

    def replace_everything(self) -> int:
        n = replace_all(self.draft, self.find_edit.text(), self.replace_edit.text(), self.case_box.isChecked())
        self.status.setText(self.tr("%n replacement(s).", "", n))
        return n
