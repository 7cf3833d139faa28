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
    assert asked[0] == QStandardPaths.StandardLocation.AppLocalDataLocation


def _two_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    roaming, local = tmp_path / "Roaming" / "ReportDesk", tmp_path / "Local" / "ReportDesk"
    where = {QStandardPaths.StandardLocation.AppDataLocation: roaming,
             QStandardPaths.StandardLocation.AppLocalDataLocation: local}
    monkeypatch.delenv("REPORTDESK_DATA_DIR", raising=False)
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda kind: str(where[kind]))
    return roaming, local


def test_an_older_versions_roaming_folder_is_brought_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # an upgrade must not leave an autosaved draft waiting for recovery behind in Roaming
    roaming, local = _two_folders(tmp_path, monkeypatch)
    (roaming / "autosave").mkdir(parents=True)
    (roaming / "autosave" / "draft-0123456789ab.json").write_text("{}", encoding="utf-8")
    assert paths.data_dir() == local
    assert (local / "autosave" / "draft-0123456789ab.json").exists() and not roaming.exists()


def test_a_local_folder_in_use_is_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    roaming, local = _two_folders(tmp_path, monkeypatch)
    (roaming / "autosave").mkdir(parents=True)
    (local / "autosave").mkdir(parents=True)
    (local / "autosave" / "draft-aaaaaaaaaaaa.json").write_text("{}", encoding="utf-8")
    assert paths.data_dir() == local
    assert (local / "autosave" / "draft-aaaaaaaaaaaa.json").exists() and roaming.is_dir()


def test_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTDESK_DATA_DIR", str(tmp_path / "portable"))
    assert paths.data_dir() == tmp_path / "portable"
    assert (tmp_path / "portable").is_dir()


@pytest.mark.skipif(sys.platform != "win32", reason="Windows folders (runs in the Wine check)")
def test_windows_folder_is_under_localappdata() -> None:
    where = os.path.normcase(QStandardPaths.writableLocation(paths.LOCATION))
    assert where.startswith(os.path.normcase(os.environ["LOCALAPPDATA"]))
    assert not where.startswith(os.path.normcase(os.environ["APPDATA"]))


@pytest.mark.parametrize(
    ("path", "network"),
    [
        (r"\\server\share\2025.docx", True),
        ("//server/share/2025.docx", True),
        (r"\\?\UNC\server\share\a.txt", True),
        (r"\\?\C:\reports\a.txt", False),
        ("/home/clerk/2025.docx", False),
    ],
)
def test_network_paths(path: str, network: bool) -> None:
    assert paths.is_network_path(path) is network


def test_recent_menu_does_not_look_at_network_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportdesk.app.settings import RecentComparison

    local = tmp_path / "2024.txt"
    local.write_text("x", encoding="utf-8")
    looked: list[str] = []
    real_is_file = Path.is_file

    def is_file(self: Path) -> bool:
        looked.append(str(self))
        return real_is_file(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    share = r"\\server\share\2025.docx"
    assert RecentComparison(str(local), share).looks_available()
    assert looked == [str(local)]
    assert not RecentComparison(str(tmp_path / "gone.txt"), share).looks_available()
