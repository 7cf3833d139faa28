"""Normalization: cleaned text with an exact map back to the raw text, and 1:1 folding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdesk.engine.model import DocFormat, LoadedDocument, RawParagraph
from reportdesk.engine.text.normalize import (
    Normalized,
    fold,
    fold_char,
    normalize_document,
    normalize_text,
)


def _check_map(n: Normalized) -> None:
    """Every text character is the raw character its offset points to; separators
    map to the end of the previous line's content; the map is strictly increasing."""
    assert len(n.raw_offsets) == len(n.text) + 1
    assert all(a < b for a, b in zip(n.raw_offsets, n.raw_offsets[1:], strict=False))
    for i, c in enumerate(n.text):
        r = n.raw_offsets[i]
        if c == "\n":
            assert n.raw[r].isspace() or n.raw[r] in "\ufeff\u200b\u200c\u200d\u2060"
        else:
            assert n.raw[r] == c, (i, c, n.raw[r])
    # lines partition the text
    starts = [h.start for h in n.lines]
    ends = [h.end for h in n.lines]
    assert (
        n.text.split("\n") == [n.text[s:e] for s, e in zip(starts, ends, strict=True)]
        or n.text == ""
    )


def _corpus_txt(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*/*.txt"))


def test_every_corpus_text_normalizes(corpus_dir: Path) -> None:
    files = _corpus_txt(corpus_dir)
    assert len(files) >= 25
    for f in files:
        raw = f.read_text(encoding="utf-8")
        n = normalize_text(raw)
        _check_map(n)
        assert "\n\n" not in n.text
        for line in n.text.split("\n"):
            assert line == line.strip() and line
        # Nothing but layout was dropped: the non-space characters are the same.
        squeeze = re.compile(r"\s+")
        assert squeeze.sub("", n.text) == squeeze.sub("", raw), f


def test_2019_scraped_subscripts_joined(corpus_dir: Path) -> None:
    raw = (corpus_dir / "national" / "2019.txt").read_text(encoding="utf-8")
    assert "（PM\n2.5\n）" in raw  # the artifact is there in the source
    n = normalize_text(raw)
    assert n.text.count("细颗粒物（PM2.5）浓度继续下降") == 2
    assert "广义货币M2和社会融资规模" in n.text
    assert "\n2.5\n" not in n.text and "\n2\n" not in n.text
    # The joins remove exactly the 3 paragraphs that were fragments (+ their tails).
    raw_lines = [ln for ln in raw.split("\n") if ln.strip()]
    assert len(n.lines) == len(raw_lines) - 6
    i = n.text.index("PM2.5")
    assert n.raw[n.raw_offsets[i + 2] - 1] == "\n"  # '2' came from the next raw line
    _check_map(n)


def test_fragment_rule_is_general_and_conservative() -> None:
    n = normalize_text("排放量（SO\n2\n）下降，CO\n2\n排放\n三、下一步\n")
    assert n.text == "排放量（SO2）下降，CO2排放\n三、下一步"
    # A fragment before a heading joins backwards only.
    n = normalize_text("货币M\n2\n（一）稳定就业。")
    assert n.text == "货币M2\n（一）稳定就业。"
    # Short ASCII lines after finished sentences stay separate.
    for src in ("增长5%。\n2024\n其他", "各位代表：\nABC\n下面", "2024\n政府工作报告"):
        assert normalize_text(src).text == src
    # Sentence-ending line before a long ASCII line: nothing joined.
    assert normalize_text("GDP\nGDP增长").text == "GDP\nGDP增长"


def test_whitespace_and_line_endings() -> None:
    raw = "\ufeff　　各位代表：\r\n\r\n \u00a0\t\r\n　现在，我代表国务院。 \r最后一段\u3000"
    n = normalize_text(raw)
    assert n.text == "各位代表：\n现在，我代表国务院。\n最后一段"
    _check_map(n)
    s = n.text.index("现在")
    e = n.text.index("。") + 1
    assert n.raw[n.raw_offsets[s] : n.raw_offsets[e]] == "现在，我代表国务院。"
    assert n.raw_offsets[-1] == len(raw) - 1  # end of the last content, before U+3000
    assert [(h.start, h.end) for h in n.lines] == [(0, 5), (6, 16), (17, 21)]


def test_empty_and_blank() -> None:
    for raw in ("", "\n\n", "　 \r\n\t"):
        n = normalize_text(raw)
        assert n.text == "" and n.lines == () and n.raw_offsets == (0,)


def test_inner_characters_unchanged() -> None:
    raw = "增长5.5%左右,居民消费价格涨幅3%  左右;（一）ＧＤＰ"
    assert normalize_text(raw).text == raw


def test_document_numbering_and_hints() -> None:
    doc = LoadedDocument(
        path="x.docx",
        format=DocFormat.DOCX,
        encoding="docx",
        paragraphs=(
            RawParagraph("政府工作报告", style_level=1),
            RawParagraph("　", None),
            RawParagraph("2024年工作回顾", style_level=1, numbering="一、"),
            RawParagraph("　　过去一年，细颗粒物（PM"),
            RawParagraph("2.5"),
            RawParagraph("）浓度下降。"),
            RawParagraph("指标", in_table=True),
            RawParagraph("稳定就业", style_level=2, numbering="（一）"),
            RawParagraph("第一行\n第二行"),
        ),
    )
    n = normalize_document(doc)
    assert n.raw.split("\n")[2] == "一、2024年工作回顾"
    assert n.text.split("\n") == [
        "政府工作报告",
        "一、2024年工作回顾",
        "过去一年，细颗粒物（PM2.5）浓度下降。",
        "指标",
        "（一）稳定就业",
        "第一行",
        "第二行",
    ]
    hints = [(h.style_level, h.numbering, h.in_table) for h in n.lines]
    assert hints == [
        (1, None, False),
        (1, "一、", False),
        (None, None, False),
        (None, None, True),
        (2, "（一）", False),
        (None, None, False),
        (None, None, False),
    ]
    _check_map(n)


def test_fragment_never_joins_numbered_or_table_lines() -> None:
    doc = LoadedDocument(
        "x.docx",
        DocFormat.DOCX,
        "docx",
        (
            RawParagraph("货币M"),
            RawParagraph("2", in_table=True),
            RawParagraph("2", numbering="1."),
        ),
    )
    assert normalize_document(doc).text == "货币M\n2\n1.2"


# ---------------------------------------------------------------- folding


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("增长5%左右,物价涨幅3%左右;", "增长5%左右，物价涨幅3%左右；"),
        ("（一）扩大内需", "(一)扩大内需"),
        ("增长４．５％", "增长4.5%"),
        ("４．５％－５％", "4.5%—5%"),
        ("4.5%-5%", "4.5%–5%"),
        ("“两个确保”", '"两个确保"'),
        ("国务院总理\u3000李克强", "国务院总理 李克强"),
        ("国务院总理\u00a0李克强", "国务院总理 李克强"),
        ("ＧＤＰ", "GDP"),
        ("目标：", "目标:"),
        ("是吗?好!", "是吗？好！"),
        ("‘双减’", "'双减'"),
    ],
)
def test_fold_equal_forms(a: str, b: str) -> None:
    assert len(a) == len(b)
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("。", "."), ("提高", "增强"), ("5%", "6%"), ("、", "，"), ("【", "（"), ("\n", " ")],
)
def test_fold_keeps_real_differences(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_fold_seed_excerpt(corpus_dir: Path) -> None:
    seed = (corpus_dir / "seed" / "jinniu-2024-plan-excerpt.txt").read_text(encoding="utf-8")
    assert "," in seed and "(" in seed  # the seed uses half-width punctuation
    folded = fold(seed)
    assert len(folded) == len(seed)
    for c in ",;:()":
        assert c not in folded
    assert "确保空气优良率稳定在80%以上" in folded
    i = seed.index("(三)持续做优生态环境")
    assert folded[i : i + 11] == "（三）持续做优生态环境"
    # Converting the seed to full-width punctuation by hand gives the same fold.
    full = seed.translate(str.maketrans(",;:()", "，；：（）"))
    assert fold(full) == folded


def test_fold_char_matches_fold() -> None:
    for c in "，,Ａ１　\u00a0—－“”\"'（(":
        assert fold_char(c) == fold(c) and len(fold_char(c)) == 1


@given(st.text())
def test_fold_is_one_to_one_and_idempotent(s: str) -> None:
    f = fold(s)
    assert len(f) == len(s)
    assert fold(f) == f
    assert all(fold_char(c) == d for c, d in zip(s, f, strict=True))


@given(st.text(alphabet=st.sampled_from(list("　 \u00a0\t\r\n\ufeffaA2.。PM（）")), max_size=60))
def test_normalize_text_map_property(s: str) -> None:
    n = normalize_text(s)
    _check_map(n)
    assert all(line.strip() for line in n.text.split("\n")) or n.text == ""


def test_fold_tildes_and_middots() -> None:
    assert fold("1～3年") == fold("1~3年") == fold("1〜3年")
    assert fold("习近平•新时代") == fold("习近平·新时代")


def test_every_corpus_docx_normalizes_with_exact_map(corpus_dir: Path) -> None:
    from reportdesk.engine.load.loader import load_document

    files = sorted((corpus_dir / "docx").glob("*.docx"))
    assert files
    for f in files:
        doc = load_document(f)
        n = normalize_document(doc)
        _check_map(n)
        assert len(n.lines) == len(n.text.split("\n"))
        assert len(n.lines) <= len(doc.paragraphs) + sum(p.text.count("\n") for p in doc.paragraphs)


@given(st.text(alphabet=st.sampled_from(list("ab　\r\n\x0b\x0c\x85\u2028\u2029")), max_size=40))
def test_text_and_document_paths_agree(s: str) -> None:
    doc = LoadedDocument("x.txt", DocFormat.TXT, "utf-8", tuple(RawParagraph(x) for x in s.splitlines()))
    assert normalize_document(doc).text == normalize_text(s).text
