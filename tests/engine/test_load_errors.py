"""Every way a file can fail to load ends in a LoadError a clerk can act on, never a traceback."""

from __future__ import annotations

import os
import random
import sys
import zipfile
from pathlib import Path

import pytest

from reportdesk.engine.errors import LoadError
from reportdesk.engine.load.loader import MAX_DOCX_BYTES, MAX_TXT_BYTES, load_document

from .docx_factory import make_docx, p

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ole_file(stream_names: list[str]) -> bytes:
    """An OLE header plus directory-like UTF-16 stream names (what the loader sniffs)."""
    body = b"".join(n.encode("utf-16-le") + b"\x00\x00" for n in stream_names)
    return OLE + b"\x00" * 504 + body + b"\x00" * 512


def _error(path: Path) -> LoadError:
    with pytest.raises(LoadError) as info:
        load_document(path)
    err = info.value
    assert err.path == str(path)
    assert err.detail  # English detail for the log
    assert str(err) == err.message
    return err


@pytest.mark.parametrize("name", ["old.doc", "old.wps", "renamed.docx", "strange.txt", "noext"])
def test_legacy_binary_word(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(_ole_file(["Root Entry", "WordDocument", "1Table"]))
    msg = _error(f).message
    assert "旧版 Word/WPS 格式" in msg and "另存为" in msg and ".docx" in msg


def test_legacy_spreadsheet(tmp_path: Path) -> None:
    f = tmp_path / "data.et"
    f.write_bytes(_ole_file(["Root Entry", "Workbook"]))
    msg = _error(f).message
    assert "电子表格" in msg and ".docx" in msg and ".txt" in msg


def test_doc_extension_without_ole_header(tmp_path: Path) -> None:
    f = tmp_path / "web-export.doc"
    f.write_text("<html><body>政府工作报告</body></html>", encoding="utf-8")
    assert "旧版 Word/WPS 格式" in _error(f).message


def test_password_protected_docx(tmp_path: Path) -> None:
    f = tmp_path / "secret.docx"
    f.write_bytes(_ole_file(["Root Entry", "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    msg = _error(f).message
    assert "密码" in msg and "保护文档" in msg and "文件 ▸ 信息" in msg
    assert "旧版" not in msg


def test_not_a_zip(tmp_path: Path) -> None:
    f = tmp_path / "broken.docx"
    f.write_bytes(b"this is not a zip file at all, just text in a .docx")
    msg = _error(f).message
    assert "已损坏" in msg and "另存为" in msg


def test_truncated_zip(tmp_path: Path, corpus_dir: Path) -> None:
    data = (corpus_dir / "docx" / "2025_beijing.docx").read_bytes()
    f = tmp_path / "half.docx"
    f.write_bytes(data[: len(data) // 2])
    assert "已损坏" in _error(f).message


def test_corrupt_deflate_stream(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "bad.docx", p("各位代表：" * 200))
    data = bytearray(f.read_bytes())
    # Scribble over the compressed body of word/document.xml (CRC or inflate fails).
    with zipfile.ZipFile(f) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    for i in range(start, start + 40):
        data[i] ^= 0x5A
    f.write_bytes(bytes(data))
    assert "已损坏" in _error(f).message


def test_zip_without_document_xml(tmp_path: Path) -> None:
    f = tmp_path / "empty-package.docx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/styles.xml", "<styles/>")
    msg = _error(f).message
    assert "不是有效的 Word 文档" in msg and ".docx" in msg


def test_plain_zip_with_txt_extension(tmp_path: Path) -> None:
    f = tmp_path / "archive.txt"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("a.txt", "x")
    assert "不是有效的 Word 文档" in _error(f).message


def test_malformed_xml(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "bad-xml.docx", "", document_xml="<w:document><w:body><w:p>")
    msg = _error(f).message
    assert "已损坏" in msg


def test_doctype_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'
    )
    f = make_docx(tmp_path / "bomb.docx", "", document_xml=bomb)
    assert "已损坏" in _error(f).message


def test_xlsx_and_odt_packages(tmp_path: Path) -> None:
    x = tmp_path / "table.xlsx"
    with zipfile.ZipFile(x, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert "不是 Word 文档" in _error(x).message
    o = tmp_path / "report.odt"
    with zipfile.ZipFile(o, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office/>")
    msg = _error(o).message
    assert "OpenDocument" in msg and "另存为" in msg


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   \r\n\t\r\n",
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf \n",
        b"\xff\xfe",
        "\u3000\u3000\n".encode(),
    ],
)
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    assert "空文件" in _error(f).message


def test_docx_without_text(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "blank.docx", p("") + p("  "))
    assert "没有任何文字" in _error(f).message


def test_too_large_text(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(MAX_TXT_BYTES + 1)  # sparse: costs no disk
    msg = _error(f).message
    assert "太大" in msg and "MB" in msg


def test_too_large_docx(tmp_path: Path) -> None:
    f = tmp_path / "huge.docx"
    with open(f, "wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(MAX_DOCX_BYTES + 1)
    assert "太大" in _error(f).message


def test_random_binary(tmp_path: Path) -> None:
    rng = random.Random(7)
    for ext in (".txt", ".bin"):
        f = tmp_path / f"noise{ext}"
        f.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
        msg = _error(f).message
        assert "无法识别" in msg
    assert "编码" in _error(tmp_path / "noise.txt").message
    assert ".docx" in _error(tmp_path / "noise.bin").message


def test_binary_with_nuls_and_utf8(tmp_path: Path) -> None:
    f = tmp_path / "zeros.txt"
    f.write_bytes(b"\x00\x01\x02" * 1000)
    assert "无法识别" in _error(f).message


def test_latin1_is_not_mistaken_for_chinese(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Café résumé naïve façade — déjà vu. ".encode("latin-1", "replace") * 20)
    assert "无法识别" in _error(f).message


def test_file_not_found(tmp_path: Path) -> None:
    f = tmp_path / "没有这个文件.docx"
    msg = _error(f).message
    assert "找不到文件" in msg and "没有这个文件.docx" in msg


def test_directory(tmp_path: Path) -> None:
    d = tmp_path / "报告.docx"
    d.mkdir()
    assert "文件夹" in _error(d).message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(tmp_path: Path) -> None:
    f = tmp_path / "locked.txt"
    f.write_text("各位代表：", encoding="utf-8")
    f.chmod(0)
    try:
        assert "没有权限" in _error(f).message
    finally:
        f.chmod(0o644)


def test_permission_denied_is_converted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Running as root cannot produce EACCES for real; simulate what Windows gives for a
    # file another program holds exclusively.
    f = tmp_path / "locked.txt"
    f.write_text("各位代表：", encoding="utf-8")
    import builtins

    real_open = builtins.open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(f):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", deny)
    msg = _error(f).message
    assert "没有权限" in msg and "关闭" in msg


@pytest.mark.parametrize(
    ("name", "head", "word"),
    [
        ("report.pdf", b"%PDF-1.7\n", "PDF"),
        ("scan.png", b"\x89PNG\r\n\x1a\n", "图片"),
        ("scan.jpg", b"\xff\xd8\xff\xe0", "图片"),
        ("photo.gif", b"GIF89a", "图片"),
        ("misnamed.txt", b"%PDF-1.4\n", "PDF"),
        ("note.rtf", b"{\\rtf1\\ansi", "RTF"),
        ("sheet.xls", b"some bytes", "不是报告文档"),
    ],
)
def test_unsupported_types_name_supported_formats(
    tmp_path: Path, name: str, head: bytes, word: str
) -> None:
    f = tmp_path / name
    f.write_bytes(head + bytes(range(256)) * 4)
    msg = _error(f).message
    assert word in msg
    if word != "RTF":
        assert ".docx" in msg and ".txt" in msg


def test_no_traceback_for_any_truncation(tmp_path: Path, corpus_dir: Path) -> None:
    """Cut a real .docx at many places: each cut loads or fails with LoadError, nothing else."""
    data = (corpus_dir / "docx" / "2025_hebei.docx").read_bytes()
    f = tmp_path / "cut.docx"
    for cut in range(1, len(data), max(1, len(data) // 60)):
        f.write_bytes(data[:cut])
        try:
            load_document(f)
        except LoadError as e:
            assert e.message


def test_deeply_nested_document(tmp_path: Path) -> None:
    depth = 5000
    body = "<w:sdt><w:sdtContent>" * depth + p("深") + "</w:sdtContent></w:sdt>" * depth
    f = make_docx(tmp_path / "deep.docx", body)
    try:
        doc = load_document(f)
    except LoadError as e:
        assert "已损坏" in e.message
    else:
        assert doc.paragraphs[0].text == "深"


def test_unexpected_error_becomes_load_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reportdesk.engine.load.loader as load_mod

    def boom(zf: object) -> object:
        raise KeyError("a bug we did not foresee")

    monkeypatch.setattr(load_mod, "read_docx", boom)
    f = make_docx(tmp_path / "ok.docx", p("正文"))
    err = _error(f)
    assert "意外错误" in err.message and "KeyError" in err.detail


def _with_sym(src: Path, dest: Path, code: str) -> Path:
    """A real report with a Word symbol (w:sym) after its first run of text."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/document.xml":
                sym = f'<w:sym w:font="Wingdings" w:char="{code}"/>'.encode()
                data = data.replace(b"</w:t>", b"</w:t>" + sym, 1)
            zout.writestr(name, data)
    return dest


def test_unpaired_surrogate_from_a_word_symbol_is_replaced_and_counted(tmp_path: Path) -> None:
    """Found by tests/fuzz: w:sym w:char="D800" gave a lone surrogate that broke JSON output."""
    from tests.conftest import CORPUS

    f = _with_sym(CORPUS / "docx/2025_liaoning.docx", tmp_path / "sym.docx", "D800")
    doc = load_document(f)
    text = "\n".join(par.text for par in doc.paragraphs)
    assert "\ufffd" in text
    text.encode("utf-8")  # no lone surrogate left
    assert any("有 1 个无效字符" in n for n in doc.notices)
    assert not any("无效字符" in n for n in load_document(CORPUS / "docx/2025_liaoning.docx").notices)
