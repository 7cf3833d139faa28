"""Export author defaults to the OS user's display name; the cover names reports by title and year (issue 13: 11)."""

from __future__ import annotations

import getpass
import re
import sys
import zipfile
from pathlib import Path

import pytest

from reportdesk.export import author as author_mod
from reportdesk.export.docx_review import ExportOptions, export_review
from tests.export.conftest import comparison


def test_default_author_is_the_os_users_name() -> None:
    name = author_mod.default_author()
    assert name and name != "ReportDesk"
    if sys.platform != "win32":
        import os
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        assert name == (gecos or getpass.getuser())
    assert ExportOptions().author == name


def test_display_name_preferred_then_login_then_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(author_mod.sys, "platform", "linux")  # the GECOS branch on every OS
    monkeypatch.setattr(author_mod, "_gecos_name", lambda: "张三")
    author_mod.default_author.cache_clear()  # looked up once per process
    assert author_mod.default_author() == "张三"
    monkeypatch.setattr(author_mod, "_gecos_name", lambda: "")
    monkeypatch.setattr(author_mod.getpass, "getuser", lambda: "zhangsan")
    author_mod.default_author.cache_clear()
    assert author_mod.default_author() == "zhangsan"

    def fail() -> str:
        raise OSError("no user")

    monkeypatch.setattr(author_mod.getpass, "getuser", fail)
    author_mod.default_author.cache_clear()
    assert author_mod.default_author() == "ReportDesk"
    author_mod.default_author.cache_clear()


def test_windows_without_display_name_falls_back_to_login(monkeypatch: pytest.MonkeyPatch) -> None:
    # A display name Windows cannot give (no domain, no full name) falls back to the login name.
    monkeypatch.setattr(author_mod.sys, "platform", "win32")
    monkeypatch.setattr(author_mod, "_windows_display_name", lambda: "")
    monkeypatch.setattr(author_mod.getpass, "getuser", lambda: "lisi")
    author_mod.default_author.cache_clear()
    assert author_mod.default_author() == "lisi"
    author_mod.default_author.cache_clear()


def test_cover_names_reports_by_title_and_year_and_author(tmp_path: Path) -> None:
    c = comparison("national/2024.txt", "national/2025.txt")
    out = export_review(c, tmp_path / "r.docx", ExportOptions(form="tracked"))
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    text = "".join(re.findall(r"<w:t[^>]*>([^<]*)<", xml))
    assert "原　稿：2024年政府工作报告（2024年）" in text
    assert "修改稿：2025年政府工作报告（2025年）" in text
    assert ".txt" not in text[:2000]
    me = author_mod.default_author()
    assert f"修订人：{me}" in text
    authors = set(re.findall(r'w:author="([^"]*)"', xml))
    assert authors == {me}
