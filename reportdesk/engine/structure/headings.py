"""Recognize heading labels and heading-like lines on plain strings.

Official documents number headings in four levels: ``一、`` / ``（一）`` /
``1.`` / ``（1）`` (full- or half-width).  Reports also use unnumbered bold lines
(``2024年工作回顾``) and ``一是…`` task lines; those only count when they stand
alone.  Everything here works on one stripped paragraph string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportdesk.engine.model import Part, Section

_CN = "一二三四五六七八九十百〇零"
_DIG = "0-9０-９"


@dataclass(frozen=True)
class Label:
    level: int  # 1..4 by form
    number: str  # the label as written, e.g. "（一）"
    end: int  # where the heading text starts (after the label and any spaces)
    form: str  # "cn" | "paren_cn" | "num" | "paren_num" | "circled" | "shi"


_LABEL_RES: tuple[tuple[re.Pattern[str], int, str], ...] = (
    (re.compile(rf"[{_CN}]{{1,3}}\s*[、．.]"), 1, "cn"),
    (re.compile(rf"[（(]\s*[{_CN}]{{1,3}}\s*[)）]"), 2, "paren_cn"),
    # 1.6万人, 2.5%, 3．10种: a digit right after the dot is a decimal, not a label
    (re.compile(rf"[{_DIG}]{{1,2}}\s*[.．、](?![{_DIG}])"), 3, "num"),
    (re.compile(rf"[（(]\s*[{_DIG}]{{1,2}}\s*[)）]"), 4, "paren_num"),
    (re.compile(r"[①-⑳]"), 4, "circled"),
)
# 一、二季度 / 一、二产业 / 一、二线城市: an enumeration of numerals, not a heading
_CN_ENUM_RE = re.compile(rf"[{_CN}]+(?:[、，]|季|产业|线|类|级|期)")
_SHI_RE = re.compile(rf"[{_CN}]{{1,3}}是")
_SPACE_RE = re.compile(r"[\s\u3000]*")

_TERMINAL = "。！？；!?;…"
_ANY_PUNCT_RE = re.compile(r"[。！？；!?;，,：:…]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")

# Titles of appendices: what follows them is not the report body proper.
APPENDIX_RE = re.compile(
    r"^(附件\s*[0-9０-９一二三四五六七八九十]*|附录|附表)(\s|$)|名词(解释|注释)$"
)
# Bare lines that name a conventional part of a report (used to start the body, and
# to give an unnumbered line level 1 in a report that also numbers its headings).
PART_WORDS_RE = re.compile(
    r"工作回顾|工作安排|重点工作|工作任务|主要任务|重点任务|总体要求|预期目标|自身建设|政府建设|名词解释|名词注释"
)


def match_label(s: str) -> Label | None:
    """The numbered heading label at the start of ``s`` (already stripped), if any."""
    for rx, level, form in _LABEL_RES:
        m = rx.match(s)
        if m is None:
            continue
        end = _SPACE_RE.match(s, m.end()).end()  # type: ignore[union-attr]
        if end >= len(s):
            return None  # a bare label is not a heading
        if form == "cn" and _CN_ENUM_RE.match(s, end):
            return None
        return Label(level, m.group(), end, form)
    m = _SHI_RE.match(s)
    if m is not None and m.end() < len(s):
        return Label(2, m.group(), m.end(), "shi")
    return None


def label_from_numbering(numbering: str) -> Label | None:
    """Classify a Word numbering label (``"一、"``, ``"(1)"``) by its form."""
    lab = match_label(numbering.strip() + "X")
    if lab is None or lab.form == "shi":
        return None
    return Label(lab.level, numbering, len(numbering), lab.form)


def clean_tail(s: str) -> str:
    """Heading text without trailing spaces, a lost-space ``?`` and a final 。/；."""
    s = s.rstrip()
    while s and (s[-1] in "。；;?" or s[-1].isspace()):
        s = s[:-1]
    return s


def is_standalone(s: str, limit: int = 60) -> bool:
    """A short line that does not end like a sentence (a heading on its own line).

    A trailing ASCII ``?`` after a CJK character is where a scrape lost a space
    (``三、2014年重点工作?``), not a question.
    """
    t = s.rstrip()
    if len(t) > 1 and t[-1] == "?" and _CJK_RE.match(t[-2]):
        t = t[:-1].rstrip()
    return 0 < len(t) <= limit and t[-1] not in _TERMINAL


def is_bare_heading(s: str) -> bool:
    """An unnumbered heading line: short, CJK, and with no sentence or clause punctuation."""
    t = s.rstrip()
    if len(t) > 1 and t[-1] == "?" and _CJK_RE.match(t[-2]):
        t = t[:-1]  # a lost space, as in is_standalone
    if not 2 <= len(t) <= 32 or _ANY_PUNCT_RE.search(t):
        return False
    if s.startswith("各位代表") or not _CJK_RE.search(s):
        return False
    if APPENDIX_RE.search(s):
        return True
    return len(_CJK_RE.findall(s)) >= 4


def is_appendix(s: str) -> bool:
    return bool(APPENDIX_RE.search(s.strip()))


# ---------------------------------------------------------------- parts

_GOV_RE = re.compile(r"自身建设|政府建设|政府.{0,4}治理|人民满意|服务型政府|法治政府|廉洁政府")
_REVIEW_RE = re.compile(r"回顾|过去一年|过去五年|主要成绩|一年来|发展成就")
_TASKS_RE = re.compile(
    r"重点工作|工作任务|主要任务|重点任务|工作安排|工作的建议|工作建议|关于\d{4}年工作"
)
_TASKS_WEAK_RE = re.compile(r"目标任务|任务和")
_REQ_RE = re.compile(r"总体要求|预期目标|主要目标|政策取向|总体部署|工作思路|主要考虑|发展目标")


def part_of_heading(heading: str) -> Part | None:
    """The part a heading names by its own words, or None when it names none."""
    if APPENDIX_RE.search(heading):
        return Part.OTHER
    if _REVIEW_RE.search(heading):
        return Part.REVIEW
    if _GOV_RE.search(heading):
        return Part.GOVERNMENT
    if _TASKS_RE.search(heading):
        return Part.TASKS
    # 总体要求和主要目标任务 states requirements; 主要目标任务 alone heads the task list
    if "总体要求" not in heading and _TASKS_WEAK_RE.search(heading):
        return Part.TASKS
    if _REQ_RE.search(heading):
        return Part.REQUIREMENTS
    return None


_FIRST_REVIEW_RE = re.compile(r"成效|成绩|成就|过去一年|一年来|过去五年|去年")


def assign_parts(sections: list[Section], first_texts: list[str]) -> list[Part]:
    """Part of each section.

    A sub-section belongs to its parent's part (only 政府自身建设 inside the task
    list is told apart; a review of it stays in the review).  A top-level section
    names its part, else follows a review as a task section (national 2015/2020
    number each task area at level 1), else is a review when it is the first and
    tells of results (福建: 在接续奋斗中…取得新成效).  A text without any review
    (the seed excerpt, a plan being drafted) is all plan: unnamed parts are tasks.
    """
    parts = _parts_pass(sections, first_texts, after_review=False)
    if Part.REVIEW not in parts:
        parts = _parts_pass(sections, first_texts, after_review=True)
    return parts


def _parts_pass(sections: list[Section], first_texts: list[str], after_review: bool) -> list[Part]:
    parts: list[Part] = []
    seen_review = after_review
    first_l1 = not after_review
    for sec in sections:
        if sec.level == 0:
            parts.append(Part.PREAMBLE)
            continue
        own = part_of_heading(sec.heading)
        anc = parts[sec.parent] if sec.parent is not None else None
        if anc is not None:
            part = Part.GOVERNMENT if own is Part.GOVERNMENT and anc is Part.TASKS else anc
        elif own is not None:
            part = own
        elif seen_review:
            part = Part.TASKS
        elif (
            sec.level == 1
            and first_l1
            and (
                _FIRST_REVIEW_RE.search(sec.heading)
                or _FIRST_REVIEW_RE.search(first_texts[sec.index])
            )
        ):
            part = Part.REVIEW
        else:
            part = Part.OTHER
        if sec.level == 1:
            first_l1 = False
        seen_review = seen_review or part is Part.REVIEW
        parts.append(part)
    return parts


# ---------------------------------------------------------------- classification


@dataclass
class Line:
    """One paragraph as heading recognition sees it (offsets into Report.text)."""

    start: int
    end: int
    text: str
    style_level: int | None = None
    numbering: str | None = None
    in_table: bool = False


@dataclass
class Head:
    level: int
    number: str
    text_start: int  # offset in Report.text where the heading text starts
    appendix: bool = False
    continuation: bool = False  # second line of a heading broken over two lines


def _labels(lines: list[Line], body: int, closing: int) -> dict[int, Label]:
    labels: dict[int, Label] = {}
    for i in range(body, closing):
        ln = lines[i]
        if ln.in_table:
            continue  # 1. / （一） in a table cell numbers rows, not sections
        lab = None
        if ln.numbering and ln.text.startswith(ln.numbering.strip()):
            lab = label_from_numbering(ln.numbering.strip())
        if lab is None:
            lab = match_label(ln.text)
        if lab is not None and lab.form == "shi" and not is_standalone(ln.text, 40):
            lab = None  # 一是…。 inside the review is a list, not a heading
        if lab is not None:
            labels[i] = lab
    return labels


def classify(lines: list[Line], body: int, closing: int) -> dict[int, Head]:
    """Heading level and label for each body paragraph that has one.

    After an appendix title (附件, 名词解释) numbered items move one level down
    and ``1.`` notes are plain paragraphs, so the appendix stays one section.
    """
    labels = _labels(lines, body, closing)
    has_l1 = any(lab.level == 1 for lab in labels.values())
    has_l2 = any(lab.form == "paren_cn" for lab in labels.values())
    heads: dict[int, Head] = {}
    appendix = False
    for i in range(body, closing):
        ln = lines[i]
        lab = labels.get(i)
        head: Head | None = None
        if ln.style_level:
            lvl = max(1, min(4, ln.style_level))
            head = Head(
                lvl, lab.number if lab else "", ln.start + (lab.end if lab else 0), appendix
            )
        elif lab is not None:
            lvl = 3 if lab.form == "shi" and has_l2 else lab.level
            if appendix:
                lvl = lvl + 1 if lab.level <= 2 else 0
            if lvl:
                head = Head(lvl, lab.number, ln.start + lab.end, appendix)
        elif is_bare_heading(ln.text) and not ln.in_table:
            prev = heads.get(i - 1)
            if (
                prev is not None
                and not prev.continuation
                and len(ln.text) <= 20
                and lines[i - 1].end - prev.text_start <= 10
                and (prev.appendix or not PART_WORDS_RE.search(lines[i - 1].text + ln.text))
            ):
                # 三、持续提升政府 / 治理效能和服务水平: one heading broken over two lines
                head = Head(prev.level, "", ln.start, prev.appendix, continuation=True)
            elif is_appendix(ln.text):
                appendix = True
                head = Head(1, "", ln.start, True)
            elif appendix:
                head = Head(2, "", ln.start, True)
            elif not has_l1 or PART_WORDS_RE.search(ln.text):
                # a report that numbers its headings has lead-ins like 今年要重点做好以下工作
                # without a colon: only part names count as unnumbered headings there
                head = Head(1, "", ln.start)
        if head is not None:
            heads[i] = head
    return heads
