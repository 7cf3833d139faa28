"""The export dialog chooses the review document's parts; the choice is remembered (issue 13, item 9)."""

from __future__ import annotations

from pathlib import Path

from reportdesk.export.options import PARTS
from reportdesk.ui.dialogs.export_dialog import ExportDialog


def _dialog(qtbot, tmp_path: Path, parts) -> ExportDialog:
    dlg = ExportDialog(str(tmp_path / "审阅稿.docx"), "审阅人", parts, lambda _p: False)
    qtbot.addWidget(dlg)
    return dlg


def test_parts_are_check_boxes_in_document_order(qtbot, tmp_path):
    dlg = _dialog(qtbot, tmp_path, "both")
    assert list(dlg.part_box) == list(PARTS)
    assert dlg.parts() == PARTS and dlg.options()["parts"] == PARTS
    dlg.part_box["table"].setChecked(False)
    dlg.part_box["tasks"].setChecked(False)
    assert dlg.options()["parts"] == ("summary", "tracked", "targets")
    assert dlg.form() == "tracked"
    assert not dlg.include_unchanged.isEnabled() and dlg.include_comments.isEnabled()


def test_an_old_form_setting_gives_its_parts(qtbot, tmp_path):
    assert _dialog(qtbot, tmp_path, "table").parts() == ("summary", "table", "targets", "tasks")
    assert _dialog(qtbot, tmp_path, ("tasks", "summary")).parts() == ("summary", "tasks")


def test_no_part_cannot_be_exported(qtbot, tmp_path):
    dlg = _dialog(qtbot, tmp_path, ("summary",))
    dlg.part_box["summary"].setChecked(False)
    ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
    assert dlg.problem() and not ok.isEnabled() and dlg.warning.text()
    dlg.part_box["targets"].setChecked(True)
    assert ok.isEnabled() and not dlg.warning.text()


def test_settings_remember_the_parts(tmp_path):
    from reportdesk.app.settings import Settings

    s = Settings.from_ini(tmp_path / "s.ini")
    assert s.export_parts is None
    s.export_parts = ("summary", "targets")
    assert s.export_parts == ("summary", "targets")


def test_save_to_has_its_mnemonic(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    dlg = _dialog(qtbot, tmp_path, "both")
    label = next(lb for lb in dlg.findChildren(QLabel) if lb.text() == "Save &to:")
    assert label.buddy() is dlg.path_edit  # else the "&" shows literally
