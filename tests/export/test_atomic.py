"""Saving: never over an input, never half a file, clear Chinese messages."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reportdesk.engine.errors import ExportError, SaveError
from reportdesk.export import atomic
from reportdesk.export.docx_review import ExportOptions, export_review
from tests.export.conftest import bare_comparison

LOCKED = "文件“review.docx”正被其他程序（如 Word 或 WPS）打开，无法覆盖。请关闭该文件后重试，或另存为其他文件名。"


@pytest.fixture
def small(tmp_path: Path):
    old, new = tmp_path / "2018.txt", tmp_path / "2019.txt"
    old.write_text("稳就业。", encoding="utf-8")
    new.write_text("稳就业，稳物价。", encoding="utf-8")
    return bare_comparison("稳就业。", "稳就业，稳物价。", str(old), str(new))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_output_equal_to_an_input_is_refused(tmp_path: Path, small) -> None:
    for target in (small.old.path, small.new.path, tmp_path / "sub" / ".." / "2019.txt"):
        with pytest.raises(ExportError) as e:
            export_review(small, target)
        assert "不能把审阅稿保存为正在比较的文件" in e.value.message
    assert Path(small.new.path).read_text(encoding="utf-8") == "稳就业，稳物价。"


def test_docx_input_by_another_name_is_refused(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "draft.docx"
    src.write_bytes(b"original")
    link = tmp_path / "link.docx"
    link.symlink_to(src)
    monkeypatch.chdir(tmp_path)
    c = bare_comparison("a", "b", "draft.docx", str(tmp_path / "x.txt"))
    for target in ("draft.docx", link, tmp_path / "draft"):
        with pytest.raises(ExportError):
            export_review(c, target)
    assert src.read_bytes() == b"original"


def test_writes_and_replaces(tmp_path: Path, small) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"old export")
    assert export_review(small, target) == target
    assert target.read_bytes()[:2] == b"PK"
    assert leftovers(tmp_path) == []
    assert export_review(small, tmp_path / "noext") == tmp_path / "noext.docx"


def test_wrong_extension_refused(tmp_path: Path, small) -> None:
    with pytest.raises(ExportError) as e:
        export_review(small, tmp_path / "review.pdf")
    assert ".docx" in e.value.message


@pytest.mark.parametrize("lock", ["~$review.docx", ".~lock.review.docx#"])
def test_target_open_in_word_is_refused(tmp_path: Path, small, lock: str) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"the user's open file")
    (tmp_path / lock).write_bytes(b"owner")
    with pytest.raises(SaveError) as e:
        export_review(small, target)
    assert e.value.message == LOCKED
    assert target.read_bytes() == b"the user's open file"
    assert leftovers(tmp_path) == []


def test_word_lock_of_long_name(tmp_path: Path) -> None:
    target = tmp_path / "审阅稿2025年定稿.docx"
    names = {p.name for p in atomic.lock_files(target)}
    assert "~$阅稿2025年定稿.docx" in names and "~$稿2025年定稿.docx" in names


def test_rename_refused_by_windows_means_locked(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"open in Word")

    def deny(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(os, "replace", deny)
    with pytest.raises(SaveError) as e:
        export_review(small, target)
    assert e.value.message == LOCKED
    assert target.read_bytes() == b"open in Word"
    assert leftovers(tmp_path) == []


def test_unwritable_folder(tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def deny(path, flags, mode=0o777, *a, **kw):
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode, *a, **kw)

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(SaveError) as e:
        export_review(small, tmp_path / "review.docx")
    assert "没有权限在文件夹" in e.value.message and str(tmp_path) in e.value.message


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_read_only_folder_for_real(tmp_path: Path, small) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError) as e:
            export_review(small, folder / "review.docx")
        assert "没有权限" in e.value.message
    finally:
        folder.chmod(0o700)


def test_disk_full_keeps_the_old_file(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"previous review")
    import docx.document

    def full(self, stream):
        stream.write(b"PK partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", full)
    with pytest.raises(SaveError) as e:
        export_review(small, target)
    assert "磁盘空间不足" in e.value.message
    assert target.read_bytes() == b"previous review"
    assert leftovers(tmp_path) == []


def test_missing_folder(tmp_path: Path, small) -> None:
    with pytest.raises(SaveError) as e:
        export_review(small, tmp_path / "nowhere" / "review.docx")
    assert "不存在" in e.value.message


def test_bad_form_is_an_export_error(tmp_path: Path, small) -> None:
    with pytest.raises(ExportError) as e:
        export_review(small, tmp_path / "r.docx", ExportOptions(form="pdf"))
    assert "形式" in e.value.message
    assert list(tmp_path.glob("r.docx")) == []
