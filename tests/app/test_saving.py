"""Saving the draft: .txt and .docx read back to the same text; errors are Chinese."""

from __future__ import annotations

import os
import sys

import pytest

from reportdesk.app.saving import save_draft
from reportdesk.engine.errors import SaveError
from reportdesk.engine.load.loader import load_report
from reportdesk.export.atomic import write_bytes as atomic_write


@pytest.fixture(scope="module")
def report_text(corpus_dir):
    return load_report(corpus_dir / "national" / "2025.txt").text


@pytest.mark.parametrize("ext", [".txt", ".docx"])
def test_round_trip_through_the_loader(tmp_path, report_text, ext):
    draft = report_text.replace("各位代表", "各位代表（修改稿）", 1)
    path = save_draft(draft, tmp_path / f"draft{ext}")
    assert load_report(path).text == draft


def test_new_txt_is_utf8_with_bom_and_windows_line_ends(tmp_path):
    # Without a BOM, Chinese Windows tools read the file as GBK (the ANSI code page).
    path = save_draft("第一段\n第二段", tmp_path / "a.txt")
    assert path.read_bytes() == b"\xef\xbb\xbf" + "第一段\r\n第二段".encode()
    assert save_draft("x", tmp_path / "b.txt", "docx").read_bytes() == b"\xef\xbb\xbfx"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("gb18030", "第一段\r\n第二段".encode("gb18030")),
        ("utf-8", "第一段\r\n第二段".encode()),
        ("utf-16-le", "\ufeff第一段\r\n第二段".encode("utf-16-le")),
        ("utf-16", "第一段\r\n第二段".encode("utf-16")),  # one BOM, the codec's own
    ],
)
def test_txt_keeps_the_encoding_it_was_opened_in(tmp_path, encoding, expected):
    path = save_draft("第一段\n第二段", tmp_path / "a.txt", encoding)
    assert path.read_bytes() == expected
    assert load_report(path).text == "第一段\n第二段"


def test_txt_falls_back_to_utf8_when_the_old_encoding_cannot_hold_the_text(tmp_path):
    path = save_draft("碳达峰𠀀", tmp_path / "a.txt", "gbk")  # 𠀀 is outside GBK
    assert path.read_bytes() == "\ufeff碳达峰𠀀".encode()


def test_docx_has_one_paragraph_per_line(tmp_path):
    from docx import Document

    path = save_draft("一、总体要求\n今年经济增长5%左右。", tmp_path / "a.docx")
    assert [p.text for p in Document(str(path)).paragraphs] == ["一、总体要求", "今年经济增长5%左右。"]


def test_unsupported_format_is_a_chinese_message(tmp_path):
    with pytest.raises(SaveError) as e:
        save_draft("x", tmp_path / "a.doc")
    assert ".docx" in e.value.message and "不能保存" in e.value.message
    assert not (tmp_path / "a.doc").exists()


def test_missing_folder(tmp_path):
    with pytest.raises(SaveError) as e:
        save_draft("x", tmp_path / "nope" / "a.txt")
    assert "不存在" in e.value.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError) as e:
            save_draft("x", folder / "a.txt")
        assert "没有权限" in e.value.message
    finally:
        folder.chmod(0o700)


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text("旧内容", encoding="utf-8")

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(SaveError) as e:
        atomic_write(target, "新内容".encode())
    assert "磁盘空间不足" in e.value.message
    assert target.read_text(encoding="utf-8") == "旧内容"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temp file left behind


def test_disk_full_is_a_save_error(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda _fd: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(SaveError) as e:
        save_draft("x", tmp_path / "a.txt")
    assert "磁盘" in e.value.message


def test_docx_uses_the_review_documents_body_font(tmp_path):
    from docx import Document
    from docx.oxml.ns import qn

    from reportdesk.export.options import ExportOptions

    path = save_draft("正文", tmp_path / "a.docx")
    normal = Document(str(path)).styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == ExportOptions().body_font == "仿宋_GB2312"
    assert normal.font.size.pt == 16


@pytest.mark.parametrize("ext", [".txt", ".docx"])
def test_failed_save_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch, ext):
    target = tmp_path / f"a{ext}"
    target.write_bytes(b"old draft")

    def deny(src, dst):
        raise PermissionError(13, "Access is denied", str(dst))

    monkeypatch.setattr(os, "replace", deny)
    with pytest.raises(SaveError) as e:
        save_draft("新草稿", target)
    assert "正被其他程序" in e.value.message
    assert target.read_bytes() == b"old draft"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_docx_draft_open_in_word_is_refused(tmp_path):
    target = tmp_path / "a.docx"
    target.write_bytes(b"open in Word")
    (tmp_path / "~$a.docx").write_bytes(b"owner")
    with pytest.raises(SaveError) as e:
        save_draft("x", target)
    assert "正被其他程序" in e.value.message
    assert target.read_bytes() == b"open in Word"


def test_saving_has_no_writer_of_its_own():
    """The draft goes through export: no python-docx, no os/tempfile, no error mapping here."""
    import ast
    import inspect

    import reportdesk.app.saving as saving

    tree = ast.parse(inspect.getsource(saving))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert imported <= {"__future__", "pathlib", "reportdesk.engine", "reportdesk.export"}
    assert not any(isinstance(n, ast.Try) for n in ast.walk(tree))
