"""Loading real reports (.txt in any Chinese encoding, .docx) into RawParagraphs."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import pytest

from reportdesk.engine.load.docx_numbering import chinese_counting, format_number
from reportdesk.engine.load.loader import load_document
from reportdesk.engine.model import DocFormat, RawParagraph
from reportdesk.engine.text.normalize import normalize_document, normalize_text

from .docx_factory import abstract, level, make_docx, num, num_pr, p, style

# ---------------------------------------------------------------- the real corpus


def test_every_corpus_text_loads(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.glob("*/*.txt"))
    assert len(files) >= 25
    for f in files:
        doc = load_document(f)
        raw = f.read_text(encoding="utf-8")
        assert doc.format is DocFormat.TXT and doc.encoding == "utf-8", f
        assert [par.text for par in doc.paragraphs] == raw.splitlines(), f
        assert normalize_document(doc).text == normalize_text(raw).text


def test_every_corpus_docx_loads(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "docx").glob("*.docx"))
    assert len(files) == 31
    for f in files:
        doc = load_document(f)
        text = normalize_document(doc).text
        assert doc.format is DocFormat.DOCX and doc.encoding == "docx"
        # 2025 provincial reports: 45–170 paragraphs, 10k–35k characters, the usual layout.
        assert 40 <= len(doc.paragraphs) <= 200, (f.name, len(doc.paragraphs))
        assert 9000 <= len(text) <= 40000, (f.name, len(text))
        assert "各位代表" in text, f.name
        assert "工作回顾" in text or "2024年" in text, f.name
        assert not any("\n" in par.text for par in doc.paragraphs if par.text.count("。") > 2)


def test_sichuan_docx_matches_its_extracted_text(corpus_dir: Path) -> None:
    # SOURCES.md: sichuan/2025.txt was pulled from the same .docx's w:t runs.
    doc = normalize_document(load_document(corpus_dir / "docx" / "2025_sichuan.docx"))
    txt = normalize_text((corpus_dir / "sichuan" / "2025.txt").read_text(encoding="utf-8"))
    assert doc.text == txt.text


def test_jiangxi_soft_break_in_front_matter(corpus_dir: Path) -> None:
    # A w:br separates the source line from the date line: it stays a line break.
    text = normalize_document(load_document(corpus_dir / "docx" / "2025_jiangxi.docx")).text
    lines = text.split("\n")
    assert "来源：江西省人民政府" in lines
    i = lines.index("来源：江西省人民政府")
    assert lines[i + 1].startswith("2025年1月17日在江西省第十四届人民代表大会")


# ---------------------------------------------------------------- encodings

REPORT = "政府工作报告\r\n\u3000\u3000各位代表：\r\n现在，我代表市人民政府，向大会报告工作，请予审议。\r\n"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16-be"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("gb18030"), "gb18030"),
    ],
)
def test_encodings_detected(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    f = tmp_path / "report.txt"
    f.write_bytes(encoded)
    doc = load_document(f)
    assert doc.encoding == encoding
    assert [par.text for par in doc.paragraphs] == REPORT.splitlines()
    assert not doc.paragraphs[0].text.startswith("\ufeff")


def test_real_report_in_gbk_and_utf16(tmp_path: Path, corpus_dir: Path) -> None:
    raw = (corpus_dir / "hailar" / "2012.txt").read_text(encoding="utf-8")
    for enc, bom, expect in (
        ("gbk", b"", "gb18030"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
    ):
        f = tmp_path / f"hailar-{enc}.txt"
        f.write_bytes(bom + raw.encode(enc))
        doc = load_document(f)
        assert doc.encoding == expect
        assert "\n".join(par.text for par in doc.paragraphs) == "\n".join(raw.splitlines())


def test_gb18030_only_characters(tmp_path: Path) -> None:
    # 𠀀 (U+20000) and € exist in GB18030 but not in GBK.
    text = "各位代表：化学品𠀀与价格€统计，全年增长百分之五。" * 3
    f = tmp_path / "x.txt"
    f.write_bytes(text.encode("gb18030"))
    doc = load_document(f)
    assert doc.encoding == "gb18030" and doc.paragraphs[0].text == text


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    f = tmp_path / "draft.report"
    f.write_bytes("各位代表：\n现在报告工作。".encode("gbk"))
    doc = load_document(f)
    assert doc.format is DocFormat.TXT and [x.text for x in doc.paragraphs] == [
        "各位代表：",
        "现在报告工作。",
    ]


def test_markdown_headings(tmp_path: Path) -> None:
    f = tmp_path / "r.md"
    f.write_text(
        "# 政府工作报告\n\n## 一、2024年工作回顾\n过去一年。\n#不是标题\n", encoding="utf-8"
    )
    paras = load_document(f).paragraphs
    assert paras[0] == RawParagraph("政府工作报告", 1)
    assert paras[2] == RawParagraph("一、2024年工作回顾", 2)
    assert paras[3] == RawParagraph("过去一年。")
    assert paras[4] == RawParagraph("#不是标题")


def test_docx_renamed_to_txt_still_loads(tmp_path: Path, corpus_dir: Path) -> None:
    f = tmp_path / "renamed.txt"
    f.write_bytes((corpus_dir / "docx" / "2025_hebei.docx").read_bytes())
    assert load_document(f).format is DocFormat.DOCX


# ---------------------------------------------------------------- number formats


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九"),
     (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1005, "一千零五")],
)  # fmt: skip
def test_chinese_counting(n: int, expected: str) -> None:
    assert chinese_counting(n) == expected


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [(3, "decimal", "3"), (3, "chineseCountingThousand", "三"), (12, "japaneseCounting", "十二"),
     (2, "ideographTraditional", "乙"), (11, "ideographTraditional", "甲"),
     (7, "decimalFullWidth", "７"), (12, "decimalFullWidth", "１２"), (3, "decimalEnclosedCircle", "③"),
     (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (28, "upperLetter", "BB"), (2, "lowerLetter", "b"),
     (5, "decimalZero", "05"), (3, "chineseLegalSimplified", "叁"), (10, "ideographDigital", "一〇"),
     (1, "none", ""), (4, "someFutureFormat", "4")],
)  # fmt: skip
def test_number_formats(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


# ---------------------------------------------------------------- docx features

_NUMBERING = (
    abstract(
        1,
        level(0, "chineseCounting", "%1、")
        + level(1, "chineseCounting", "（%2）")
        + level(2, "decimal", "%3.")
        + level(3, "decimal", "（%4）"),
    )
    + abstract(2, level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2", extra="<w:isLgl/>"))
    + abstract(3, level(0, "ideographTraditional", "%1、") + level(1, "decimalFullWidth", "%2．"))
    + num(10, 1)
    + num(11, 2)
    + num(12, 2, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>')
    + num(13, 3)
)


def _paras(tmp_path: Path, body: str, **kw: str) -> list[RawParagraph]:
    f = make_docx(tmp_path / "t.docx", body, numbering=kw.pop("numbering", _NUMBERING), **kw)
    return list(load_document(f).paragraphs)


def test_numbering_counters_and_resets(tmp_path: Path) -> None:
    body = "".join(
        [
            p("回顾", num_pr(10, 0)),
            p("稳增长", num_pr(10, 1)),
            p("项目", num_pr(10, 2)),
            p("项目", num_pr(10, 2)),
            p("细项", num_pr(10, 3)),
            p("促改革", num_pr(10, 1)),
            p("项目", num_pr(10, 2)),  # restarts at 1 under a new （二）
            p("正文没有编号。"),
            p("安排", num_pr(10, 0)),
            p("扩内需", num_pr(10, 1)),  # back to （一）
            p("甲项", num_pr(13, 0)),
            p("子项", num_pr(13, 1)),
            p("列表", num_pr(11, 0)),
            p("法规", num_pr(11, 1)),
            p("列表二", num_pr(11, 0)),
            p("重新开始", num_pr(12, 0)),  # startOverride 5 on a new w:num
            p("接着", num_pr(12, 0)),
            p("取消编号", num_pr(0, 0)),
        ]
    )
    got = [(x.numbering, x.text) for x in _paras(tmp_path, body)]
    assert got == [
        ("一、", "回顾"),
        ("（一）", "稳增长"),
        ("1.", "项目"),
        ("2.", "项目"),
        ("（1）", "细项"),
        ("（二）", "促改革"),
        ("1.", "项目"),
        (None, "正文没有编号。"),
        ("二、", "安排"),
        ("（一）", "扩内需"),
        ("甲、", "甲项"),
        ("１．", "子项"),
        ("1.", "列表"),
        ("1.1", "法规"),
        ("2.", "列表二"),
        ("5.", "重新开始"),
        ("6.", "接着"),
        (None, "取消编号"),
    ]


def test_lvl_restart_zero_never_resets(tmp_path: Path) -> None:
    numbering = abstract(
        5,
        level(0, "chineseCounting", "%1、")
        + level(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'),
    ) + num(1, 5)
    body = p("A", num_pr(1, 0)) + p("a", num_pr(1, 1)) + p("B", num_pr(1, 0)) + p("b", num_pr(1, 1))
    got = [x.numbering for x in _paras(tmp_path, body, numbering=numbering)]
    assert got == ["一、", "1.", "二、", "2."]


def test_heading_levels_from_styles(tmp_path: Path) -> None:
    styles = "".join(
        [
            style("Normal", "Normal", default=True),
            style("1", "heading 1", "Normal", '<w:outlineLvl w:val="0"/>'),
            style("Heading2", "Heading 2", "Normal"),  # level from the name only
            style("a3", "标题 3", "Normal"),
            style("MyH", "我的一级标题", "1"),  # basedOn chain reaches heading 1
            style("Sub", "小标题", "Normal", num_pr(10, 1)),  # numbering inherited from the style
            style("Body", "正文缩进", "Normal", '<w:outlineLvl w:val="9"/>'),
            style("H6", "heading 6", "Normal"),
        ]
    )
    body = "".join(
        [
            p("一级", '<w:pStyle w:val="1"/>'),
            p("二级", '<w:pStyle w:val="Heading2"/>'),
            p("三级", '<w:pStyle w:val="a3"/>'),
            p("自定义", '<w:pStyle w:val="MyH"/>'),
            p("直接大纲", '<w:outlineLvl w:val="1"/>'),
            p("样式编号", '<w:pStyle w:val="Sub"/>'),
            p("样式编号", '<w:pStyle w:val="Sub"/>'),
            p("正文", '<w:pStyle w:val="Body"/>'),
            p("六级", '<w:pStyle w:val="H6"/>'),
            p("没有样式"),
            p("未知样式", '<w:pStyle w:val="Missing"/>'),
        ]
    )
    got = [(x.style_level, x.numbering) for x in _paras(tmp_path, body, styles=styles)]
    assert got == [
        (1, None), (2, None), (3, None), (1, None), (2, None),
        (None, "（一）"), (None, "（二）"), (None, None), (None, None), (None, None), (None, None),
    ]  # fmt: skip


def test_style_linked_to_list_level(tmp_path: Path) -> None:
    # Word's multilevel lists bind a level to a heading style via w:lvl/w:pStyle;
    # the style's numPr then names only the list, not the level.
    numbering = abstract(
        7,
        level(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="H1"/>')
        + level(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="H2"/>'),
    ) + num(3, 7)
    styles = style("H1", "heading 1", ppr=num_pr(3, None)) + style(
        "H2", "heading 2", ppr=num_pr(3, None)
    )
    body = (
        p("回顾", '<w:pStyle w:val="H1"/>')
        + p("经济", '<w:pStyle w:val="H2"/>')
        + p("安排", '<w:pStyle w:val="H1"/>')
        + p("目标", '<w:pStyle w:val="H2"/>')
    )
    got = [
        (x.style_level, x.numbering, x.text)
        for x in _paras(tmp_path, body, styles=styles, numbering=numbering)
    ]
    assert got == [
        (1, "一、", "回顾"),
        (2, "（一）", "经济"),
        (1, "二、", "安排"),
        (2, "（一）", "目标"),
    ]


def _r(text: str, rpr: str = "") -> str:
    return (
        f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'
    )


def test_revisions_fields_and_wrappers(tmp_path: Path) -> None:
    runs = "".join(
        [
            _r("经济"),
            '<w:del w:id="1" w:author="a"><w:r><w:delText>总体</w:delText></w:r></w:del>',
            '<w:ins w:id="2" w:author="a">' + _r("持续") + "</w:ins>",
            '<w:smartTag w:uri="u" w:element="e">' + _r("回升") + "</w:smartTag>",
            '<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            + _r("向好")
            + "</w:hyperlink>",
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            _r("，"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            "<w:sdt><w:sdtPr/><w:sdtContent>" + _r("质效") + "</w:sdtContent></w:sdt>",
            _r("隐藏文字", "<w:vanish/>"),
            _r("提升", '<w:vanish w:val="0"/>'),
            "<w:r><w:tab/></w:r>",
            _r("。"),
        ]
    )
    body = p(runs=runs)
    body += "<w:sdt><w:sdtPr/><w:sdtContent>" + p("内容控件中的段落") + "</w:sdtContent></w:sdt>"
    body += '<w:del w:id="3" w:author="a">' + p("删除的块") + "</w:del>"
    paras = _paras(tmp_path, body)
    assert [x.text for x in paras] == ["经济持续回升向好，质效提升\t。", "内容控件中的段落"]


def test_deleted_paragraph_mark_merges(tmp_path: Path) -> None:
    body = p("前半句，", '<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>') + p("后半句。")
    assert [x.text for x in _paras(tmp_path, body)] == ["前半句，后半句。"]


def test_soft_breaks(tmp_path: Path) -> None:
    wrap_mid = (
        _r("全面贯彻党的二十大精神，坚持稳中求进工作总基调，完整准确全面贯彻新发展")
        + "<w:r><w:br/></w:r>"
        + _r("理念，加快构建新发展格局。")
    )
    title_lines = _r("政府工作报告") + "<w:r><w:br/></w:r>" + _r("2025年1月15日")
    sentence_end = _r("这是第一句。") + "<w:r><w:cr/></w:r>" + _r("这是第二句。")
    latin = (
        _r("全面推进“人工智能+”行动，支持发展AI, cloud computing and big")
        + "<w:r><w:br/></w:r>"
        + _r("data产业，建设算力网络。")
    )
    body = p(runs=wrap_mid) + p(runs=title_lines) + p(runs=sentence_end) + p(runs=latin)
    texts = [x.text for x in _paras(tmp_path, body)]
    assert texts == [
        "全面贯彻党的二十大精神，坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。",
        "政府工作报告\n2025年1月15日",
        "这是第一句。\n这是第二句。",
        "全面推进“人工智能+”行动，支持发展AI, cloud computing and big data产业，建设算力网络。",
    ]


def test_title_from_core_properties(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "t.docx", p("正文"), title=" 2025年政府工作报告 ")
    assert load_document(f).title == "2025年政府工作报告"
    f2 = make_docx(tmp_path / "u.docx", p("正文"))
    assert load_document(f2).title == ""


def test_tables_in_reading_order(tmp_path: Path) -> None:
    cell = lambda *ps: "<w:tc>" + "".join(p(x) for x in ps) + "</w:tc>"  # noqa: E731
    nested = "<w:tbl><w:tr>" + cell("嵌套") + "</w:tr></w:tbl>"
    table = (
        "<w:tbl><w:tblPr/>"
        + "<w:tr>" + cell("指标") + cell("目标") + "</w:tr>"
        + "<w:tr>" + cell("GDP增长", "（预期）") + "<w:tc>" + p("5%左右") + nested + "</w:tc></w:tr>"
        + '<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>' + cell("删掉的行") + "</w:tr>"
        + "</w:tbl>"
    )  # fmt: skip
    paras = _paras(tmp_path, p("表前。") + table + p("表后。"))
    # One paragraph per row: cells joined by an ideographic space, the paragraphs of a
    # cell (and a nested table's rows) by a space; a deleted row is gone.
    assert [(x.text, x.in_table) for x in paras] == [
        ("表前。", False),
        ("指标\u3000目标", True),
        ("GDP增长 （预期）\u30005%左右 嵌套", True),
        ("表后。", False),
    ]


def test_strict_ooxml_namespace(tmp_path: Path) -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    xml = (
        f'<?xml version="1.0"?><w:document xmlns:w="{strict}"><w:body>'
        "<w:p><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>"
    )
    f = make_docx(tmp_path / "s.docx", "", document_xml=xml)
    assert [x.text for x in load_document(f).paragraphs] == ["严格格式"]


# ---------------------------------------------------------------- python-docx built


def test_python_docx_document_with_headings_table_numbering(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.core_properties.title = "某市2025年政府工作报告"

    def numbered(par: object, num_id: int, ilvl: int) -> None:
        num_pr = par._p.get_or_add_pPr().get_or_add_numPr()  # type: ignore[attr-defined]
        num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = num_id

    d.add_paragraph("各位代表：")
    numbered(d.add_heading("2024年工作回顾", 1), 10, 0)
    d.add_paragraph("过去一年，全市经济运行稳中有进。")
    numbered(d.add_heading("聚力稳增长", 2), 10, 1)
    numbered(d.add_heading("聚力促改革", 2), 10, 1)
    t = d.add_table(rows=2, cols=2)
    for (r, c), text in {
        (0, 0): "指标",
        (0, 1): "目标",
        (1, 0): "地区生产总值增长",
        (1, 1): "5%左右",
    }.items():
        t.cell(r, c).text = text
    numbered(d.add_heading("2025年工作安排", 1), 10, 0)
    numbered(d.add_heading("扩大有效需求", 2), 10, 1)
    cn = d.styles.add_style("标题 3", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("重点项目", style=cn)
    src = tmp_path / "built.docx"
    d.save(str(src))

    # Replace python-docx's default numbering part with our definitions.
    out = tmp_path / "report.docx"
    from .docx_factory import wrap

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/numbering.xml":
                data = wrap("numbering", _NUMBERING).encode("utf-8")
            zout.writestr(item, data)

    doc = load_document(out)
    assert doc.title == "某市2025年政府工作报告"
    got = [(x.text, x.style_level, x.numbering, x.in_table) for x in doc.paragraphs]
    assert got == [
        ("各位代表：", None, None, False),
        ("2024年工作回顾", 1, "一、", False),
        ("过去一年，全市经济运行稳中有进。", None, None, False),
        ("聚力稳增长", 2, "（一）", False),
        ("聚力促改革", 2, "（二）", False),
        ("指标\u3000目标", None, None, True),
        ("地区生产总值增长\u30005%左右", None, None, True),
        ("2025年工作安排", 1, "二、", False),
        ("扩大有效需求", 2, "（一）", False),
        ("重点项目", 3, None, False),
    ]
    n = normalize_document(doc)
    assert n.text.split("\n")[1] == "一、2024年工作回顾"
    assert n.lines[3].numbering == "（一）" and n.lines[3].style_level == 2


def test_big5_is_not_mistaken_for_gbk(tmp_path: Path) -> None:
    text = "各位代表：現在我代表市人民政府向大會報告工作，請予審議。經濟增長百分之五。\n" * 20
    f = tmp_path / "big5.txt"
    f.write_bytes(text.encode("big5"))
    doc = load_document(f)
    assert doc.encoding == "big5"
    assert doc.paragraphs[0].text == text.splitlines()[0]


def test_utf16_without_bom(tmp_path: Path, corpus_dir: Path) -> None:
    raw = (corpus_dir / "national" / "2020.txt").read_text(encoding="utf-8")
    f = tmp_path / "nobom.txt"
    f.write_bytes(raw.encode("utf-16-le"))
    doc = load_document(f)
    assert doc.encoding == "utf-16-le"
    assert [x.text for x in doc.paragraphs] == raw.splitlines()


def test_gbk_cut_in_the_middle_of_a_character(tmp_path: Path, corpus_dir: Path) -> None:
    raw = (corpus_dir / "hailar" / "2013.txt").read_text(encoding="utf-8").rstrip("\n")
    data = raw.encode("gbk")[:-1]  # half of the last character is missing
    f = tmp_path / "cut.txt"
    f.write_bytes(data)
    doc = load_document(f)
    assert doc.encoding == "gb18030"
    text = "\n".join(x.text for x in doc.paragraphs)
    assert text[:-1] == raw[:-1] and text[-1] == "\ufffd"


def test_num_style_link(tmp_path: Path) -> None:
    # An abstractNum with only a numStyleLink takes its levels from the list that the
    # numbering style points to, and shares its counters.
    numbering = (
        abstract(8, "", extra='<w:numStyleLink w:val="ReportList"/>')
        + abstract(9, level(0, "chineseCounting", "%1、") + level(1, "decimal", "%2."))
        + num(20, 8)
        + num(21, 9)
    )
    styles = (
        '<w:style w:type="numbering" w:styleId="ReportList"><w:name w:val="报告列表"/>'
        f"<w:pPr>{num_pr(21, None)}</w:pPr></w:style>"
    )
    body = p("甲", num_pr(20, 0)) + p("乙", num_pr(20, 1)) + p("丙", num_pr(21, 0))
    got = [x.numbering for x in _paras(tmp_path, body, styles=styles, numbering=numbering)]
    assert got == ["一、", "1.", "二、"]


def test_symbols_hyphens_math_and_trailing_deleted_mark(tmp_path: Path) -> None:
    runs = (
        _r("温度")
        + '<w:r><w:sym w:font="Symbol" w:char="2103"/></w:r>'
        + '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
        + _r("，COVID")
        + "<w:r><w:noBreakHyphen/></w:r>"
        + _r("19，")
        + "<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>"
    )
    body = p(runs=runs) + p("最后一段，", '<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>')
    assert [x.text for x in _paras(tmp_path, body)] == ["温度℃，COVID-19，x+1", "最后一段，"]


def test_bullets_are_readable(tmp_path: Path) -> None:
    numbering = abstract(4, level(0, "bullet", "\uf0b7") + level(1, "bullet", "●")) + num(2, 4)
    body = p("一项", num_pr(2, 0)) + p("二项", num_pr(2, 1))
    assert [x.numbering for x in _paras(tmp_path, body, numbering=numbering)] == ["•", "●"]


def test_load_report_builds_on_the_normalized_text(corpus_dir: Path) -> None:
    from reportdesk.engine.load.loader import load_report

    f = corpus_dir / "national" / "2019.txt"
    report = load_report(f)
    norm = normalize_document(load_document(f))
    assert report.text == norm.text and report.raw_offsets == norm.raw_offsets
    assert report.encoding == "utf-8" and report.format is DocFormat.TXT
    assert "细颗粒物（PM2.5）浓度继续下降" in report.text
