"""The text font: the saved family if the system has it (under any of its names), else a default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

from reportdesk.app.settings import Settings
from reportdesk.ui.controllers.preferences import default_text_font


def test_a_missing_family_falls_back_to_an_installed_one(qapp, tmp_path: Path) -> None:
    s = Settings.from_ini(tmp_path / "settings.ini")
    s.font_family = "没有这种字体 No Such Font"
    font = default_text_font(s)
    assert font.family() != s.font_family
    assert QFontDatabase.hasFamily(font.family())


def test_an_installed_family_is_kept(qapp, tmp_path: Path) -> None:
    s = Settings.from_ini(tmp_path / "settings.ini")
    s.font_family = QFontDatabase.families()[0]
    s.font_size = 15
    font = default_text_font(s)
    assert (font.family(), font.pointSize()) == (s.font_family, 15)


def test_offscreen_on_windows_reads_the_windows_fonts(monkeypatch) -> None:
    import reportdesk.ui.offscreen as off

    monkeypatch.setattr(off.sys, "platform", "win32")
    monkeypatch.setenv("QT_QPA_FONTDIR", "")  # restored after the test
    monkeypatch.setenv("WINDIR", r"C:\Windows")
    monkeypatch.setenv("QT_QPA_PLATFORM", "windows")
    off.use_windows_fonts_offscreen()
    assert off.os.environ["QT_QPA_FONTDIR"] == ""  # the native platform finds fonts itself
    off.use_windows_fonts_offscreen("offscreen")
    assert off.os.environ["QT_QPA_FONTDIR"] == off.os.path.join(r"C:\Windows", "Fonts")
