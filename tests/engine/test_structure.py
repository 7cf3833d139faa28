"""Report structure on the real corpus: front matter, headings, sections, parts, year."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdesk.engine.model import BlockKind, DocFormat, LoadedDocument, Part, RawParagraph, Report
from reportdesk.engine.structure.build import build_report, outline, report_from_text
from reportdesk.engine.structure.headings import match_label


def _load_txt(path: Path) -> Report:
    """A .txt file as a loader would hand it over (one RawParagraph per line)."""
    text = path.read_text(encoding="utf-8")
    paras = tuple(RawParagraph(line) for line in text.split("\n"))
    return build_report(LoadedDocument(str(path), DocFormat.TXT, "utf-8", paras))


def _level(r: Report, level: int) -> list[str]:
    return [s.heading for s in r.sections if s.level == level]


def _check_invariants(r: Report) -> None:
    """What every report must satisfy, whatever its layout."""
    prev_end = -1
    for i, p in enumerate(r.paragraphs):
        assert p.index == i
        assert r.text[p.start : p.end] == p.text
        assert p.start > prev_end
        prev_end = p.end
        if p.kind in (BlockKind.BODY, BlockKind.HEADING):
            assert p.section >= 0
            assert i in r.sections[p.section].paragraphs
        else:
            assert p.section == -1
        if p.has_heading:
            assert p.start < p.heading_end <= p.end
        inside = {i for s in p.sentences for i in range(s.start, s.end)}
        assert all(r.text[i].isspace() for i in range(p.start, p.end) if i not in inside)
        assert all(p.start <= s.start < s.end <= p.end for s in p.sentences)
    for s in r.sections:
        assert s.paragraphs and s.start == r.paragraphs[s.paragraphs[0]].start
        assert s.end == r.paragraphs[s.paragraphs[-1]].end
        if s.parent is not None:
            assert r.sections[s.parent].level < s.level
            assert s.parent < s.index
        if s.level == 0:
            assert s.part is Part.PREAMBLE and s.number == ""


# ---------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("line", "level", "number"),
    [
        ("一、2024年工作回顾", 1, "一、"),
        ("十一、筑牢安全底线", 1, "十一、"),
        ("（一）大力提振消费", 2, "（一）"),
        ("(三)持续做优生态环境。", 2, "(三)"),
        ("（十一）筑牢安全底线", 2, "（十一）"),
        ("1.加快建设", 3, "1."),
        ("1．加快建设", 3, "1．"),
        ("12、加快建设", 3, "12、"),
        ("（1）加强监管", 4, "（1）"),
        ("(2)加强监管", 4, "(2)"),
        ("1.6万人实现就业", None, None),
        ("2.5%的增长", None, None),
        ("2024年是关键之年", None, None),
        ("一、二季度经济增长较快", None, None),
        ("一、", None, None),
        ("各位代表：", None, None),
    ],
)
def test_heading_labels(line: str, level: int | None, number: str | None) -> None:
    lab = match_label(line)
    if level is None:
        assert lab is None
    else:
        assert lab is not None and (lab.level, lab.number) == (level, number)


# ---------------------------------------------------------------- national


@pytest.mark.parametrize(
    ("year", "level1", "first_l2"),
    [
        (
            2024,
            ["2023年工作回顾", "2024年经济社会发展总体要求和政策取向", "2024年政府工作任务"],
            "大力推进现代化产业体系建设，加快发展新质生产力",
        ),
        (
            2025,
            ["2024年工作回顾", "2025年经济社会发展总体要求和政策取向", "2025年政府工作任务"],
            "大力提振消费、提高投资效益，全方位扩大国内需求",
        ),
    ],
)
def test_national_recent(corpus_dir: Path, year: int, level1: list[str], first_l2: str) -> None:
    r = _load_txt(corpus_dir / "national" / f"{year}.txt")
    _check_invariants(r)
    assert r.year == year and r.title == "政府工作报告"
    assert _level(r, 1) == level1
    assert [s.number for s in r.sections if s.level == 1] == ["一、", "二、", "三、"]
    assert [s.part for s in r.sections if s.level == 1] == [
        Part.REVIEW,
        Part.REQUIREMENTS,
        Part.TASKS,
    ]
    l2 = [s for s in r.sections if s.level == 2]
    assert len(l2) == 10 and l2[0].heading == first_l2 and l2[-1].number == "（十）"
    assert all(r.sections[s.parent].heading == level1[2] for s in l2 if s.parent is not None)
    # level-2 headings are run-in: the heading sentence starts a body paragraph
    runin = [p for p in r.paragraphs if p.level == 2]
    assert len(runin) == 10 and all(p.kind is BlockKind.BODY for p in runin)
    p = runin[0]
    assert r.text[p.start : p.heading_end].endswith(first_l2 + "。")
    assert p.sentences[0].end == p.heading_end
    # front matter ends where 各位代表 begins; the preamble holds the opening
    body = [p for p in r.paragraphs if p.kind is not BlockKind.FRONT]
    assert body[0].text.startswith("各位代表")
    assert r.sections[0].level == 0 and r.sections[0].part is Part.PREAMBLE
    assert all(p.kind is BlockKind.FRONT for p in r.paragraphs if "国务院总理" in p.text[:8])


def test_national_2025_front_matter(corpus_dir: Path) -> None:
    r = _load_txt(corpus_dir / "national" / "2025.txt")
    front = [p.text for p in r.paragraphs if p.kind is BlockKind.FRONT]
    assert front[0].startswith("2025年03月12日")
    assert "新华社北京3月12日电" in front and "国务院总理 李强" in front
    assert r.body_start == r.text.index("各位代表")


def test_all_national_years(corpus_dir: Path) -> None:
    for path in sorted((corpus_dir / "national").glob("*.txt")):
        r = _load_txt(path)
        _check_invariants(r)
        assert r.year == int(path.stem), path
        l1 = [s for s in r.sections if s.level == 1]
        assert len(l1) >= 2, path  # 2023: 一、过去一年和五年工作回顾 / 二、对今年政府工作的建议
        assert "回顾" in l1[0].heading and l1[0].part is Part.REVIEW, path
        assert any(s.part is Part.TASKS for s in r.sections), path


# ---------------------------------------------------------------- district and province


def test_hailar_2018(corpus_dir: Path) -> None:
    r = _load_txt(corpus_dir / "hailar" / "2018.txt")
    _check_invariants(r)
    assert r.year == 2018
    assert _level(r, 1) == ["2017年工作回顾", "2018年工作安排"]
    l2 = [s for s in r.sections if s.level == 2]
    assert len(l2) == 8 and all(s.parent == 2 for s in l2)
    assert l2[0].heading == "在打好“三大攻坚战”上聚焦发力，助推全面建成小康社会"
    assert l2[-1].part is Part.GOVERNMENT  # （八）在抓好自身建设上聚焦发力
    assert [s.part for s in l2[:7]] == [Part.TASKS] * 7


def test_hailar_2019(corpus_dir: Path) -> None:
    r = _load_txt(corpus_dir / "hailar" / "2019.txt")
    _check_invariants(r)
    assert r.year == 2019
    assert _level(r, 1) == ["2018年工作回顾", "2019年工作安排", "加强政府自身建设"]
    assert [s.part for s in r.sections if s.level == 1] == [
        Part.REVIEW,
        Part.TASKS,
        Part.GOVERNMENT,
    ]
    l2 = [s for s in r.sections if s.level == 2]
    assert len(l2) == 17
    # the review's （一）… are run-in, the plan's stand alone as heading paragraphs
    kinds = {r.paragraphs[s.paragraphs[0]].kind for s in l2[:6]}
    assert kinds == {BlockKind.BODY}
    assert r.paragraphs[l2[6].paragraphs[0]].kind is BlockKind.HEADING
    assert all(s.part is Part.REVIEW for s in l2[:6])  # 政府自身建设不断加强 reviews the past


def test_sichuan_2026_chrome_excluded(corpus_dir: Path) -> None:
    r = _load_txt(corpus_dir / "sichuan" / "2026.txt")
    _check_invariants(r)
    assert r.year == 2026
    body = [p for p in r.paragraphs if p.kind in (BlockKind.BODY, BlockKind.HEADING)]
    closing = [p for p in r.paragraphs if p.kind is BlockKind.CLOSING]
    assert body[0].text.startswith("各位代表：")
    for chrome in ("【字体", "分享：", "责任编辑", "打印本页", "关闭窗口", "相关链接", "来源"):
        assert not any(p.text.startswith(chrome) for p in body), chrome
    assert closing[0].text.startswith("责任编辑")
    assert closing[-1].text.startswith("各位代表：现在")  # the repeated opening is chrome too
    assert len(_level(r, 1)) >= 3
    assert r.sections[-1].heading == "名词解释" and r.sections[-1].part is Part.OTHER


def test_sichuan_2025_unnumbered_headings(corpus_dir: Path) -> None:
    r = _load_txt(corpus_dir / "sichuan" / "2025.txt")
    _check_invariants(r)
    assert _level(r, 1) == ["2024年工作回顾", "2025年工作安排建议", "加强政府自身建设", "名词解释"]
    assert [s.part for s in r.sections if s.level == 1] == [
        Part.REVIEW,
        Part.TASKS,
        Part.GOVERNMENT,
        Part.OTHER,
    ]
    notes = r.sections[-1]
    assert len(notes.paragraphs) > 40  # the numbered notes are paragraphs of one section


def test_seed_excerpt(corpus_dir: Path) -> None:
    r = _load_txt(corpus_dir / "seed" / "jinniu-2024-plan-excerpt.txt")
    _check_invariants(r)
    assert r.sections[0].level == 2 and r.sections[0].heading == "持续做优生态环境"
    assert r.sections[0].number == "(三)"
    assert [s.number for s in r.sections if s.level == 1] == ["四、", "五、", "六、"]
    assert r.sections[-1].parent is not None
    assert r.sections[r.sections[-1].parent].number == "六、"
    assert r.year == 2024  # from the file name
    # a plan excerpt has no review: its unnamed parts are tasks, 服务型政府 is government
    assert [s.part for s in r.sections if s.level == 1] == [Part.TASKS, Part.TASKS, Part.GOVERNMENT]
    assert r.sections[0].part is Part.TASKS


def test_every_txt_builds(corpus_dir: Path) -> None:
    paths = sorted(corpus_dir.glob("*/*.txt"))
    assert len(paths) >= 24
    for path in paths:
        r = _load_txt(path)
        _check_invariants(r)
        assert len(r.sections) >= 3, path
        assert r.sentences(), path


# ---------------------------------------------------------------- docx


def test_all_docx(corpus_dir: Path) -> None:
    from reportdesk.engine.load import loader as load
    paths = sorted((corpus_dir / "docx").glob("*.docx"))
    assert len(paths) == 31
    for path in paths:
        r = build_report(load.load_document(str(path)))
        _check_invariants(r)
        assert r.year == 2025, path
        assert r.sections[0].level == 0, path
        l1 = [s for s in r.sections if s.level == 1]
        assert len(l1) >= 3 or (len(l1) == 2 and len(r.sections) > 10), path
        first = l1[0]
        assert "回顾" in first.heading or "取得新成效" in first.heading, path
        assert first.part is Part.REVIEW, path
        assert any(s.part is Part.TASKS for s in r.sections), path


# ---------------------------------------------------------------- drafts


def test_report_from_text_national(corpus_dir: Path) -> None:
    text = (corpus_dir / "national" / "2025.txt").read_text(encoding="utf-8")
    r = report_from_text(text, path="draft.txt")
    _check_invariants(r)
    assert r.text == text and r.raw == text and r.raw_offsets == tuple(range(len(text) + 1))
    assert r.year == 2025
    assert len(_level(r, 1)) == 3
    best = min(_timed(report_from_text, text) for _ in range(3))
    assert best < 0.1, f"report_from_text took {best * 1000:.0f} ms"


def test_build_report_speed(corpus_dir: Path) -> None:
    path = corpus_dir / "national" / "2024.txt"
    best = min(_timed(_load_txt, path) for _ in range(3))
    assert best < 0.2, f"build_report took {best * 1000:.0f} ms"


def _timed(fn, arg) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn(arg)
    return time.perf_counter() - t0


def test_outline(corpus_dir: Path) -> None:
    r = _load_txt(corpus_dir / "hailar" / "2019.txt")
    lines = outline(r).split("\n")
    assert lines[0].startswith("政府工作报告")
    assert "  一、2018年工作回顾" in lines[2]
    assert lines[3].startswith("    （一）三大攻坚战强力突破")


_DRAFT_ALPHABET = st.sampled_from(
    list("各位代表工作回顾发展一二三（）()、。，；：“” \u3000\n") + ["一、", "（一）", "1.", "\n\n"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_DRAFT_ALPHABET, max_size=60).map("".join))
def test_report_from_text_identity(text: str) -> None:
    r = report_from_text(text)
    assert r.text == text
    _check_invariants(r)
    # every non-space character is in exactly one paragraph
    covered = {i for p in r.paragraphs for i in range(p.start, p.end)}
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_word_styles_and_numbering() -> None:
    paras = (
        RawParagraph("政府工作报告"),
        RawParagraph("各位代表："),
        RawParagraph("现在，我代表区人民政府向大会报告工作，请予审议，并请区政协委员提出意见。"),
        RawParagraph("2024年工作回顾", style_level=1),
        RawParagraph("过去一年，全区经济运行稳中有进，主要指标好于预期。"),
        RawParagraph("经济运行稳中有进", numbering="（一）"),
        RawParagraph("地区生产总值增长5.2%。"),
        RawParagraph("产业结构持续优化", style_level=2),
        RawParagraph("新增规上企业12家。"),
        RawParagraph("2025年工作安排", style_level=1),
        RawParagraph("今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。"),
    )
    r = build_report(LoadedDocument("district.docx", DocFormat.DOCX, "docx", paras))
    _check_invariants(r)
    assert [(s.level, s.number, s.heading) for s in r.sections] == [
        (0, "", ""),
        (1, "", "2024年工作回顾"),
        (2, "（一）", "经济运行稳中有进"),
        (2, "", "产业结构持续优化"),
        (1, "", "2025年工作安排"),
    ]
    assert [s.part for s in r.sections] == [
        Part.PREAMBLE,
        Part.REVIEW,
        Part.REVIEW,
        Part.REVIEW,
        Part.TASKS,
    ]
    assert r.year == 2025 and r.title == "政府工作报告"


def test_transcript_source_line_is_closing(corpus_dir: Path) -> None:
    r = _load_txt(corpus_dir / "variants" / "national_2020_live_transcript.txt")
    _check_invariants(r)
    assert r.paragraphs[-1].kind is BlockKind.CLOSING
    assert r.paragraphs[-1].text.startswith("(来源")
    front = [p.text for p in r.paragraphs if p.kind is BlockKind.FRONT]
    assert front[-1] == "（根据直播整理）"


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        # a short unpunctuated line after a heading is the next paragraph being typed ...
        ("一、2024年工作回顾\n过去一年成绩显著", ["2024年工作回顾"]),
        # ... but a heading broken over two lines (重庆 2025) is one heading
        (
            "三、持续提升政府\n治理效能和服务水平\n（一）以政治铸魂。内容。",
            ["持续提升政府治理效能和服务水平", "以政治铸魂"],
        ),
        ("1.6万人实现就业。\n2.5%的增长。", [""]),
        ("（一）大力提振消费。促进消费。\n1.加快建设。具体措施。", ["大力提振消费", "加快建设"]),
    ],
)
def test_draft_headings(text: str, headings: list[str]) -> None:
    r = report_from_text(text)
    _check_invariants(r)
    assert [s.heading for s in r.sections] == headings


def test_table_cells_are_not_headings() -> None:
    paras = (
        RawParagraph("各位代表："),
        RawParagraph("一、2024年工作回顾"),
        RawParagraph("主要指标完成情况如下。"),
        RawParagraph("1.地区生产总值", in_table=True),
        RawParagraph("增长5.2%", in_table=True),
        RawParagraph("二、2025年工作安排"),
        RawParagraph("今年要抓好以下工作。"),
    )
    r = build_report(LoadedDocument("t.docx", DocFormat.DOCX, "docx", paras))
    _check_invariants(r)
    assert [s.heading for s in r.sections] == ["", "2024年工作回顾", "2025年工作安排"]


def test_a_long_line_without_sentence_ends_loads_in_linear_time():
    """Scraped text can hold 100k+ characters with no 。！？；: nothing may scan it quadratically.

    Run in a child with a generous bound: a quadratic scan takes hours at this size.
    """
    import subprocess
    import sys

    code = (
        "from reportdesk.engine import report_from_text\n"
        "r = report_from_text('经济发展稳中有进' * 50000 + '\\n2025年某县政府工作报告\\n正文。')\n"
        "print(r.title)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip().endswith("政府工作报告")
