"""Drafts and logs live in the local (not roaming) application data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from reportdesk.app import paths


def test_data_dir_asks_for_the_local_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = []

    def location(kind: QStandardPaths.StandardLocation) -> str:
        asked.append(kind)
        return str(tmp_path / "local")

    monkeypatch.delenv("REPORTDESK_DATA_DIR", raising=False)
    monkeypatch.setattr(QStandardPaths, "writableLocation", location)
    assert paths.data_dir() == tmp_path / "local"
    assert asked == [QStandardPaths.StandardLocation.AppLocalDataLocation]


def test_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTDESK_DATA_DIR", str(tmp_path / "portable"))
    assert paths.data_dir() == tmp_path / "portable"
    assert (tmp_path / "portable").is_dir()


@pytest.mark.skipif(sys.platform != "win32", reason="Windows folders (runs in the Wine check)")
def test_windows_folder_is_under_localappdata() -> None:
    where = os.path.normcase(QStandardPaths.writableLocation(paths.LOCATION))
    assert where.startswith(os.path.normcase(os.environ["LOCALAPPDATA"]))
    assert not where.startswith(os.path.normcase(os.environ["APPDATA"]))
