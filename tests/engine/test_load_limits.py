"""Bounds on what a file may expand to, and the odd packages that used to hit the catch-all."""

from __future__ import annotations

import logging
import time
import zipfile
from pathlib import Path

import pytest

from reportdesk.engine.errors import LoadError
from reportdesk.engine.load.limits import (
    MAX_LABEL_CHARS,
    MAX_PARAGRAPHS,
    MAX_TEXT_CHARS,
    MAX_XML_ELEMENTS,
)
from reportdesk.engine.load.loader import load_document

from .docx_factory import W_NS, abstract, level, make_docx, num, num_pr, p, set_zip_method


def _error(path: Path) -> LoadError:
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.detail and info.value.path == str(path)
    return info.value


def _labels(tmp_path: Path, body: str, numbering: str) -> list[str | None]:
    f = make_docx(tmp_path / "n.docx", body, numbering=numbering)
    return [x.numbering for x in load_document(f).paragraphs]


# ---------------------------------------------------------------- numbering labels


def test_letters_from_two_billion_fall_back_to_digits_at_once(tmp_path: Path) -> None:
    """Fuzzer: a 39 KB file numbered from 2 000 000 000 in letters made 77-million-letter labels."""
    numbering = abstract(
        1, level(0, "lowerLetter", "%1.", start=2_000_000_000) + level(1, "upperLetter", "%2)")
    ) + num(1, 1)
    body = p("甲", num_pr(1, 0)) * 200 + p("乙", num_pr(1, 1))
    t = time.perf_counter()
    got = _labels(tmp_path, body, numbering)
    assert time.perf_counter() - t < 30  # a hang guard, not a speed test: the bomb ran for minutes
    assert got[:2] == ["2000000000.", "2000000001."]
    assert got[-1] == "A)"  # short letters are still letters


def test_letter_labels_up_to_the_bound(tmp_path: Path) -> None:
    numbering = abstract(1, level(0, "upperLetter", "%1")) + num(1, 1)
    body = p("一", num_pr(1, 0)) * (26 * MAX_LABEL_CHARS + 1)
    got = _labels(tmp_path, body, numbering)
    assert got[0] == "A" and got[26] == "AA"
    assert got[26 * MAX_LABEL_CHARS - 1] == "Z" * MAX_LABEL_CHARS
    assert got[-1] == str(26 * MAX_LABEL_CHARS + 1)


def test_a_sentence_as_level_text_is_no_label(tmp_path: Path) -> None:
    numbering = abstract(
        1, level(0, "decimal", "第%1条这是一段很长的编号文字，不是标题的编号") + level(1, "bullet", "●" * 40)
    ) + num(1, 1)
    assert _labels(tmp_path, p("一", num_pr(1, 0)) + p("二", num_pr(1, 1)), numbering) == [None, None]


def test_list_levels_past_eight_are_ignored(tmp_path: Path) -> None:
    """Fuzzer: w:ilvl 10 indexed past the ten counters (IndexError → "文件可能已损坏")."""
    numbering = abstract(
        1, level(0, "chineseCounting", "%1、") + level(12, "decimal", "%1.%13") + level(-1, "decimal", "x")
    ) + num(1, 1, '<w:lvlOverride w:ilvl="11"><w:startOverride w:val="5"/></w:lvlOverride>')
    body = "".join(
        p(t, num_pr(1, i)) for t, i in (("甲", 0), ("乙", 10), ("丙", 12), ("丁", -1), ("戊", 0))
    )
    assert _labels(tmp_path, body, numbering) == ["一、", None, None, None, "二、"]


# ---------------------------------------------------------------- expansion


def test_empty_paragraph_bomb_stops_at_the_element_bound(tmp_path: Path) -> None:
    """Fuzzer: 132 KB of zip holding 63 MB of empty paragraphs reached 1.26 GB."""
    f = make_docx(tmp_path / "bomb.docx", "<w:p/>" * (MAX_XML_ELEMENTS + 10))
    assert f.stat().st_size < 200_000
    t = time.perf_counter()
    err = _error(f)
    assert time.perf_counter() - t < 60  # a hang guard: the bomb reached 1.26 GB
    assert "太多" in err.message and "工作报告" in err.message
    assert "XML elements" in err.detail


def test_too_many_paragraphs(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "many.docx", p("短段落。") * (MAX_PARAGRAPHS + 1))
    err = _error(f)
    assert "太多" in err.message and "paragraphs" in err.detail
    ok = make_docx(tmp_path / "ok.docx", p("短段落。") * (MAX_PARAGRAPHS // 2))
    assert len(load_document(ok).paragraphs) == MAX_PARAGRAPHS // 2


def test_too_many_characters(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "long.docx", p("字" * (MAX_TEXT_CHARS + 1)))
    assert "characters" in _error(f).detail


def test_text_files_have_the_same_bounds(tmp_path: Path) -> None:
    """Fuzzer: 10 MB of short lines took 37 s to load (to structure, really)."""
    lines = tmp_path / "lines.txt"
    lines.write_text("短段落。\n" * (MAX_PARAGRAPHS + 1), encoding="utf-8")
    assert "paragraphs" in _error(lines).detail
    chars = tmp_path / "chars.txt"
    chars.write_text(("字" * 999 + "\n") * (MAX_TEXT_CHARS // 999 + 1), encoding="utf-8")
    err = _error(chars)
    assert "characters" in err.detail and "万字" in err.message


# ---------------------------------------------------------------- odd packages


def _doc(text: str) -> str:
    return f'<w:document xmlns:w="{W_NS}"><w:body>{p(text)}</w:body></w:document>'


def test_symbol_with_a_code_past_unicode_is_skipped(tmp_path: Path) -> None:
    """Fuzzer: w:sym w:char="FFFFFFFFFFFF" raised OverflowError in chr()."""
    syms = "".join(
        f'<w:r><w:sym w:font="Symbol" w:char="{c}"/></w:r>' for c in ("F" * 30, "110000", "zz", "")
    )
    runs = f'<w:r><w:t>前</w:t></w:r>{syms}<w:r><w:t>后</w:t></w:r>'
    f = make_docx(tmp_path / "sym.docx", p(runs=runs))
    assert [x.text for x in load_document(f).paragraphs] == ["前后"]


def test_xml_declared_in_gbk_is_read(tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="GBK" standalone="yes"?>' + _doc("各位代表：国内生产总值增长5%。")
    f = make_docx(tmp_path / "gbk.docx", "", document_xml=xml.encode("gbk"))
    assert [x.text for x in load_document(f).paragraphs] == ["各位代表：国内生产总值增长5%。"]


def test_unknown_xml_encoding_says_unusual_program(tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="x-klingon"?>' + _doc("正文")
    err = _error(make_docx(tmp_path / "enc.docx", "", document_xml=xml.encode("utf-8")))
    assert "不常见的程序" in err.message and "另存为" in err.message
    assert "x-klingon" in err.detail


def test_lzma_entries_load(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "lzma.docx", p("正文。"), compression=zipfile.ZIP_LZMA)
    assert [x.text for x in load_document(f).paragraphs] == ["正文。"]


@pytest.mark.parametrize("method", [zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2, 9, 99])
def test_unusual_compression_says_resave(tmp_path: Path, method: int) -> None:
    """Fuzzer: method 14 over deflate data raised LZMAError into the catch-all."""
    f = set_zip_method(make_docx(tmp_path / "m.docx", p("正文。")), "word/document.xml", method)
    err = _error(f)
    assert "不常见的程序" in err.message and "Word 或 WPS" in err.message
    assert f"method {method}" in err.detail


def test_catch_all_logs_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import reportdesk.engine.load.loader as load_mod

    def boom(zf: object) -> object:
        raise KeyError("a bug we did not foresee")

    monkeypatch.setattr(load_mod, "read_docx", boom)
    f = make_docx(tmp_path / "ok.docx", p("正文"))
    with caplog.at_level(logging.ERROR, logger=load_mod.__name__):
        err = _error(f)
    assert "意外错误" in err.message
    records = [r for r in caplog.records if r.name == load_mod.__name__]
    assert records and records[0].exc_info is not None
    assert "a bug we did not foresee" in caplog.text
