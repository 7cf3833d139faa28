"""What a .docx holds besides running text: revisions, comments, text boxes, notes, tables —
read (or left out) and said so in LoadedDocument.notices."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdesk.engine.load.loader import load_document, load_report

from .docx_factory import make_docx, p, wrap

_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_V = "urn:schemas-microsoft-com:vml"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _box(text: str) -> str:
    """A text box as Word writes it: a DrawingML shape with a VML fallback, same text."""
    content = f"<w:txbxContent>{p(text)}</w:txbxContent>"
    return (
        f'<w:r><mc:AlternateContent xmlns:mc="{_MC}">'
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="{_WPS}"><wps:txbx>{content}'
        "</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape xmlns:v="{_V}"><v:textbox>{content}</v:textbox>'
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_plain_document_has_no_notices(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "plain.docx", p("各位代表：") + p("现在，我代表省人民政府报告工作。"))
    assert load_document(f).notices == ()
    assert load_report(f).notices == ()


def test_corpus_reports_have_no_notices(corpus_dir: Path) -> None:
    for f in sorted((corpus_dir / "docx").glob("*.docx"))[:5]:
        assert load_document(f).notices == (), f.name


def test_tracked_changes_and_comments_are_announced(tmp_path: Path) -> None:
    runs = (
        _r("经济")
        + '<w:del w:id="1" w:author="a"><w:r><w:delText>总体</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="a">' + _r("持续") + "</w:ins>"
        + '<w:commentRangeStart w:id="0"/>' + _r("回升向好")
        + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
        + '<w:ins w:id="3" w:author="a">' + _r("。") + "</w:ins>"
    )  # fmt: skip
    body = p(runs=runs) + p(runs=_r("第二段") + '<w:r><w:commentReference w:id="1"/></w:r>')
    doc = load_document(make_docx(tmp_path / "rev.docx", body))
    assert [x.text for x in doc.paragraphs] == ["经济持续回升向好。", "第二段"]
    assert doc.notices == (
        "文档含有未接受的修订（插入 2 处、删除 1 处），按全部接受后的文本读取。",
        "文档含有 2 条批注，未读入。",
    )


def test_text_box_read_once_after_its_paragraph(tmp_path: Path) -> None:
    vml_only = (
        f'<w:r><w:pict><v:shape xmlns:v="{_V}"><v:textbox><w:txbxContent>'
        f"{p('旧式文本框。')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    empty = f"<w:r><w:drawing><w:txbxContent>{p('')}</w:txbxContent></w:drawing></w:r>"
    body = (
        p(runs=_r("锚定段落。") + _box("文本框里的话。"))
        + p(runs=_r("下一段。") + vml_only + empty)
        + p("末段。")
    )
    doc = load_document(make_docx(tmp_path / "box.docx", body))
    assert [x.text for x in doc.paragraphs] == [
        "锚定段落。", "文本框里的话。", "下一段。", "旧式文本框。", "末段。",
    ]  # fmt: skip
    assert doc.notices == ("读入了 2 个文本框中的文字，放在所在段落之后。",)


def test_footnotes_and_endnotes_come_after_the_body(tmp_path: Path) -> None:
    ref = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
    footnotes = wrap(
        "footnotes",
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1">{p(runs=ref + _r(" 按可比价格计算。"))}</w:footnote>'
        f'<w:footnote w:id="2">{p(runs=ref + _r("数据为初步统计。"))}</w:footnote>'
        f'<w:footnote w:id="3">{p("")}</w:footnote>',
    )
    endnotes = wrap("endnotes", f'<w:endnote w:id="1">{p("尾注文字。")}</w:endnote>')
    body = p(runs=_r("增长5%") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + _r("。")) + p("完。")
    f = make_docx(
        tmp_path / "notes.docx",
        body,
        extra_parts={"word/footnotes.xml": footnotes.encode(), "word/endnotes.xml": endnotes.encode()},
    )
    doc = load_document(f)
    assert [x.text for x in doc.paragraphs] == [
        "增长5%。", "完。", " 按可比价格计算。", "数据为初步统计。", "尾注文字。",
    ]  # fmt: skip
    assert doc.notices == ("读入了 2 条脚注和 1 条尾注，放在正文末尾。",)


def _table(*rows: tuple[str, ...]) -> str:
    cells = ("".join(f"<w:tc>{p(c)}</w:tc>" for c in row) for row in rows)
    return "<w:tbl>" + "".join(f"<w:tr>{c}</w:tr>" for c in cells) + "</w:tbl>"


def test_targets_in_a_table_row_are_found(tmp_path: Path) -> None:
    from reportdesk.engine import extract_targets

    body = (
        p("2025年政府工作报告")
        + p("各位代表：")
        + p("一、2025年主要预期目标")
        + p("今年经济社会发展的主要预期目标是：")
        + _table(("指标", "目标"), ("地区生产总值", "增长6%左右"), ("城镇调查失业率", "5.5%左右"))
    )
    report = load_report(make_docx(tmp_path / "t.docx", body))
    assert "地区生产总值\u3000增长6%左右" in report.text.split("\n")
    got = {(t.indicator, str(t.value)) for t in extract_targets(report)}
    assert {("地区生产总值", "6"), ("城镇调查失业率", "5.5")} <= got


def test_cli_text_prints_notices_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reportdesk.cli import main

    body = p(runs=_r("正文") + '<w:ins w:id="1" w:author="a">' + _r("插入的字") + "</w:ins>")
    f = make_docx(tmp_path / "cli.docx", body)
    assert main(["text", str(f)]) == 0
    out, err = capsys.readouterr()
    assert out == "正文插入的字\n"
    assert "提示：文档含有未接受的修订（插入 1 处），按全部接受后的文本读取。" in err


def test_compare_tells_notices_and_json_carries_them(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    runs = _r("经济回升向好。") + '<w:ins w:id="2" w:author="a">' + _r("稳中有进。") + "</w:ins>"
    draft = make_docx(tmp_path / "草稿.docx", p("一、工作回顾") + p(runs=runs))
    old = tmp_path / "2024.txt"
    old.write_text("一、工作回顾\n经济回升向好。\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "reportdesk", "compare", str(old), str(draft), "--json", "-"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert "提示：文档含有未接受的修订（插入 1 处），按全部接受后的文本读取。（草稿.docx）" in r.stderr
    data = json.loads(r.stdout)
    assert data["old"]["notices"] == [] and len(data["new"]["notices"]) == 1
