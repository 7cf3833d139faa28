"""Where a report's body starts and ends, and its title and year.

Scraped reports carry a title, a dateline (``新华社北京3月12日电``), the
``——2025年3月5日在…会议上`` subtitle, the speaker, and web-page chrome
(``【字体：大 中 小】``, ``分享``) before ``各位代表：``; some end with
``责任编辑``, related links and ``打印本页``.  These rules are general patterns,
not per-file fixes: they look at one stripped paragraph string at a time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from reportdesk.engine.structure import headings as hd

FRONT_RE = re.compile(
    r"政府工作报告|新华社.{0,12}电|来源|【字体|^分享|打印本页|在.{0,40}(会议|大会)上$"
    r"|(总理|省长|市长|区长|县长|主席|州长|盟长|旗长)[\s\u3000?]*\S{1,6}$"
    r"|摄$|新华社记者|根据直播整理"
)
CLOSING_RE = re.compile(
    r"^[（(【\[]?(责任编辑|编辑[:：]|打印本页|关闭窗口|扫一扫|相关链接|相关附件|相关阅读|纠错"
    r"|分享到|返回顶部|来源[:：]|完[)）]$)"
)
# Web-page chrome a scrape carries around the report: font-size switches (also split
# over lines: 【字体： / 大 / 中 / 小 / 】), share and print links, the page editor.
CLUTTER_RE = re.compile(
    r"^[【\[]?字体[:：]|^分享(到)?[:：]?|打印本页|关闭窗口"
    r"|^[（(【\[]?(责任编辑|纠错|扫一扫|返回顶部|相关链接|相关阅读|相关附件)"
)
# The switch's own lines (大, 中 小, 】) are chrome only right after other chrome: alone,
# a 大 is a character of a title split one a line (人民代表 / 大 / 会).
SWITCH_RE = re.compile(r"^[【】\[\]]$|^[大中小](\s*[大中小]){0,2}\s*】?$")
SUBTITLE_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日.{0,4}在.{2,40}(会议|大会)")
_SENTENCE_END_RE = re.compile(r"[。！？；!;]")  # no ASCII ?: scrapes use it for lost spaces
_YEAR_RE = re.compile(r"(?<!\d)(20[1-9]\d)(?!\d)")
_SPACES_RE = re.compile(r"[\s\u3000]+")


def is_real_paragraph(s: str) -> bool:
    """Prose, not a title or dateline: long enough and with a sentence end."""
    return len(s) >= 8 and bool(_SENTENCE_END_RE.search(s)) and not FRONT_RE.search(s)


def is_clutter(s: str, after_clutter: bool = False) -> bool:
    """Web-page chrome (字体 大中小, 分享, 打印本页, 责任编辑 …): no part of the report.

    ``after_clutter``: the line before is chrome (only then is a lone 大/中/小/】 one)."""
    s = s.strip()
    return bool(CLUTTER_RE.search(s) or (after_clutter and SWITCH_RE.search(s)))


def body_start(texts: Sequence[str], style_levels: Sequence[int | None] = ()) -> int:
    """Index of the first body paragraph: 各位代表, the first heading or real paragraph."""
    for i, s in enumerate(texts):
        if s.startswith("各位代表"):
            return i
        front = bool(FRONT_RE.search(s))
        if i < len(style_levels) and style_levels[i] and not front:
            return i
        if front:
            continue
        lab = hd.match_label(s)
        if lab is not None and lab.form in ("cn", "paren_cn"):
            return i
        if hd.is_bare_heading(s) and hd.PART_WORDS_RE.search(s):
            return i
        if is_real_paragraph(s):
            return i
    return len(texts)


def closing_start(texts: Sequence[str], body: int) -> int:
    """Index where page chrome after the report starts (责任编辑, 打印本页 …).

    Only the second half is searched, so a report that quotes such a word early
    keeps its body.
    """
    for i in range(max(body + 1, len(texts) // 2), len(texts)):
        if CLOSING_RE.match(texts[i]):
            return i
    return len(texts)


def report_year(path: str, front: Sequence[str], heads: Sequence[str]) -> int | None:
    """The year the report is given: subtitle date, else N年工作回顾 + 1, else plan headings,
    else a year in the title line or the file name."""
    for s in front:
        m = re.search(r"(\d{4})年\d{1,2}月\d{1,2}日.{0,6}在", s)
        if m:
            return int(m.group(1))
    for h in heads:
        m = re.search(r"(\d{4})\s*年(?:[^，。]{0,8})工作回顾", h)
        if m:
            return int(m.group(1)) + 1
    for h in heads:
        m = re.search(
            r"(\d{4})\s*年.{0,12}(工作安排|工作任务|重点工作|总体要求|总体部署|政府工作)", h
        )
        if m:
            return int(m.group(1))
    for s in front:
        m = _YEAR_RE.search(s)
        if m and "报告" in s:
            return int(m.group(1))
    m = _YEAR_RE.search(Path(path).name)
    return int(m.group(1)) if m else None


def report_title(front: Sequence[str], doc_title: str) -> str:
    """``政府工作报告`` when a line says just that, else the document's or first line's title."""
    compact = [_SPACES_RE.sub("", s) for s in front]
    if "政府工作报告" in compact:
        return "政府工作报告"
    if doc_title:
        return doc_title
    for t in compact:
        # The title is the text before 政府工作报告 back to the last dash: found with
        # str.find/rfind, since a lazy regex here is quadratic on a long line.
        end = t.find("政府工作报告")
        if end >= 0:
            return t[t.rfind("—", 0, end) + 1 : end + len("政府工作报告")]
    if any(SUBTITLE_RE.search(s) for s in front):
        return "政府工作报告"  # the title line was lost, the 在…会议上 subtitle remains
    return ""
