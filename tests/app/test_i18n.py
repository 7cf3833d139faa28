"""Translations: Chinese is complete and loads; the built .qm matches the .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from reportdesk.app.i18n import install_translators, qm_path
from reportdesk.resources import resource_path

TS = resource_path("i18n", "reportdesk_zh_CN.ts")
REPO = Path(__file__).resolve().parents[2]


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")): m for c in root.iter("context") for m in c.iter("message")}


def test_every_string_has_a_chinese_translation():
    msgs = messages(TS)
    assert len(msgs) > 150
    missing = [k for k, m in msgs.items() if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]
    assert missing == []


def test_chinese_loads_and_english_is_the_source(qapp):
    assert Path(qm_path("zh_CN")).is_file()
    assert install_translators(qapp, "zh_CN")
    tr = QCoreApplication.translate
    assert tr("Menus", "&File") == "文件(&F)"
    assert tr("Actions", "&Next change") == "下一处(&N)"
    counts = tr("MainWindow", "Edits: %1 · Moves: %2 · Target changes: %3 (%4 edits) · Number edits: %5 · New phrases: %6")
    assert "修改 %1 处" in counts and "目标变化 %3 项" in counts and "数字修改 %5 处" in counts
    assert tr("QPlatformTheme", "Cancel") in ("取消", "Cancel")  # Qt's own buttons when qtbase_zh_CN exists
    install_translators(qapp, "en")
    assert tr("Menus", "&File") == "&File"


@pytest.mark.skipif(not shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)), reason="no lupdate")
def test_ts_covers_every_string_in_the_code(tmp_path):
    """Running lupdate on the sources finds no string the .ts lacks (translations are not stale)."""
    ts = tmp_path / "check.ts"
    shutil.copy(TS, ts)
    sys.path.insert(0, str(REPO / "installer"))
    try:
        import build_translations as bt
    finally:
        sys.path.pop(0)
    subprocess.run([bt.tool("lupdate"), "-no-obsolete", "-locations", "none", *bt.python_sources(), "-ts", str(ts)],
                   cwd=REPO, check=True, capture_output=True)
    assert bt.unfinished(ts) == []
