"""Targets as values: each quantity in a report with what it measures and how it is meant.

For every sentence the quantities come from ``numbers.parse_quantities``; the
words around each one give the indicator (the noun phrase in front, or the one
after the unit when the front is only a verb: ``3所医院投用``), the qualifier
(以上 / 左右 / 不低于 …), the direction (增长 / 降低) and the kind: a *target*
where the report plans, an *actual* where it reports what was achieved, *other*
for context (比上年增加…, history).

Extraction needs only ``Report.text``, the sentences, each paragraph's section
and that section's ``part``, and ``Report.year``.
"""

from __future__ import annotations

import re

from reportdesk.engine.cache import per_report
from reportdesk.engine.model import (
    BlockKind,
    Direction,
    Figure,
    FigureKind,
    Part,
    Qualifier,
    Quantity,
    Report,
    Span,
)
from reportdesk.engine.targets.indicators import CONNECTORS, LEAD_FILLERS, POST_QUALIFIERS
from reportdesk.engine.targets.kind import (
    APPENDIX,
    MULTI_YEAR_RE,
    ONE_YEAR_RE,
    PLAN_HEADING_RE,
    PLAN_PERIOD_RE,
    five_year_review,
    is_spec,
    kind_of,
    past_period,
)
from reportdesk.engine.targets.numbers import parse_quantities

_HARD = set("，,；;：:。！？!?\n《》")
# A short verb after the unit that makes the count a task: 562亩拆迁, 3所医院投用.
_RIGHT_VERB = re.compile(
    r"(建设|改造|拆迁|腾退|投用|投产|开工|竣工|完工|建成|搬迁|安置|整治|治理|修复|造林|绿化|"
    r"新建|改建|提升|升级|提标|达标|落地|签约|入驻|上市|挂牌|认定|创建)$"
)
_SOFT = set("、")
# A front that is only an action: the noun counted comes after the unit (完成800户的改造任务).
_BARE_VERBS = {
    "完成", "推进", "新建", "启动", "实现", "吸引", "改扩建", "建成", "建设", "打造", "培育",
    "创建", "引进", "新增", "开工", "实施", "组织", "举办", "开展", "培训", "扶持", "认定",
    "完成好", "加快推进", "改造", "提供", "安置", "帮扶", "落实", "争创", "新培育", "带动",
}
_TRIM = "“”‘’\"'「」『』【】 \u3000、—-"

@per_report
def extract_targets(report: Report) -> list[Figure]:
    """Every quantity in the body of ``report`` as a Figure, sorted by start."""
    out: list[Figure] = []
    for para in report.paragraphs:
        if para.kind is not BlockKind.BODY:
            continue
        section = report.sections[para.section] if 0 <= para.section < len(report.sections) else None
        part = section.part if section is not None else Part.OTHER
        appendix = section is not None and any(w in section.heading for w in APPENDIX)
        # bit 1: multi-year context; bit 2: a section that sets five-year goals
        multi_year = 1 if MULTI_YEAR_RE.search(para.text[:40]) else 0
        if part is Part.REVIEW and section is not None and five_year_review(report, section.index):
            if not ONE_YEAR_RE.search(para.text[:80]):
                multi_year |= 4  # 过去五年工作回顾: five-year results unless said otherwise
        if section is not None and PLAN_PERIOD_RE.search(section.heading):
            if part is not Part.REVIEW:
                multi_year = 1  # its targets are for the plan period, not this year
            elif PLAN_HEADING_RE.search(section.heading) and not past_period(para.text, report.year):
                multi_year |= 2
        body_from = para.heading_end if para.heading_end > 0 else para.start
        for sent in para.sentences:
            if sent.end <= body_from:
                continue
            out.extend(
                _sentence_targets(report, sent.text, sent.start, part, para.section, appendix,
                                  multi_year)
            )
    out.sort(key=lambda t: t.start)
    return out


def targets_in_text(text: str, start: int = 0, part: Part = Part.TASKS, section: int = -1,
                    year: int | None = None) -> list[Figure]:
    """The extraction core over one sentence string (for tests and the editor's live view)."""
    from reportdesk.engine.model import Report as _R

    rep = _R(path="", title="", year=year, text="", raw="", raw_offsets=(0,), paragraphs=(),
             sections=())
    return _sentence_targets(rep, text, start, part, section, False, 0)


# ---------------------------------------------------------------- one sentence


def _sentence_targets(report: Report, text: str, offset: int, part: Part, section: int,
                      appendix: bool, multi_year: int) -> list[Figure]:
    qs = parse_quantities(text, offset)
    if not qs:
        return []
    out: list[Figure] = []
    prev_end = 0
    prev: Figure | None = None
    list_items: list[str] = []
    for q in qs:
        a, b = q.start - offset, q.end - offset
        t, used_end, items = _one(report, text, offset, q, a, b, prev_end, prev, list_items, part,
                                  section, appendix, multi_year)
        list_items = items
        out.append(t)
        if used_end >= 0:  # a size class (50米内…) does not end the next one's indicator
            prev, prev_end = t, max(used_end, b)
    return out


def _strip(s: str) -> str:
    """Trim punctuation around a name but keep a quote pair whole (“京办”城市治理应用)."""
    t = s.strip(_TRIM)
    if "”" in t and "“" not in t and s.find("“") >= 0:
        t = "“" + t
    if "“" in t and "”" not in t and s.rfind("”") > s.find("“"):
        t = t + "”"
    return t


def _clause_start(text: str, a: int, floor: int) -> int:
    i = a - 1
    while i >= floor and text[i] not in _HARD:
        i -= 1
    return max(i + 1, floor)


def _clause_end(text: str, b: int) -> int:
    i = b
    while i < len(text) and text[i] not in _HARD and text[i] not in _SOFT:
        if text[i] in "（(":  # 16个县（市、区）整县…: a bracket does not end the noun
            close = text.find("）" if text[i] == "（" else ")", i, i + 12)
            if close > 0:
                i = close
        i += 1
    return i


def _one(report: Report, text: str, offset: int, q: Quantity, a: int, b: int, prev_end: int,
         prev: Figure | None, list_items: list[str], part: Part, section: int, appendix: bool,
         multi_year: int) -> tuple[Figure, int, list[str]]:
    hard = _clause_start(text, a, 0)
    ls = max(hard, prev_end)
    if prev_end > hard:  # after an earlier quantity in the same clause: cut at its 、/和
        cut = max(text.rfind("、", ls, a), text.rfind("和", ls, a), text.rfind("及", ls, a))
        if cut >= 0:
            ls = cut + 1
    left = text[ls:a]

    # connectors between indicator and number, read right to left
    quals: list[str] = []
    dirs: list[str] = []
    conn_start = len(left)
    changed = True
    while changed and conn_start > 0:
        changed = False
        for word, qual, direc in CONNECTORS:
            if left.endswith(word, 0, conn_start):
                conn_start -= len(word)
                if qual:
                    quals.append(qual)
                if direc:
                    dirs.append(direc)
                changed = True
                break
    is_list = "分别" in left[max(0, conn_start - 2):]

    # indicator: drop lead fillers and stray punctuation
    ind_s, ind_e = 0, conn_start
    # 由240元提高到280元: the first number is the baseline, the indicator stands before 由
    baseline = False
    bm = _FROM_RE.search(left, 0, ind_e)
    after = b + _post_len(text, b)
    lt = _LIST_TAIL.match(text, after)
    to_follows = bool(_TO_RE.match(text, lt.end() if lt else after))
    if bm and to_follows:
        baseline = True
        ind_e = bm.start()
    elif to_follows and prev is not None and prev.kind is FigureKind.OTHER and ls > hard:
        baseline = True  # 分别从202元、270元提高到…: the list of baselines goes on
    changed = True
    while changed:
        changed = False
        while ind_s < ind_e and left[ind_s] in _TRIM:
            if left[ind_s] == "“" and "”" in left[ind_s:ind_e]:
                break  # keep a quoted name whole: “京办”城市治理应用
            ind_s += 1
            changed = True
        pm = _LEAD_PHRASE_RE.match(left, ind_s, ind_e)
        if pm and pm.end() > ind_s and ind_e - pm.end() >= 2:
            ind_s = pm.end()
            changed = True
        for w in LEAD_FILLERS:
            if left.startswith(w, ind_s, ind_e) and ind_e - ind_s > len(w) + 1:
                ind_s += len(w)
                changed = True
                break
    while ind_e > ind_s and left[ind_e - 1] in _TRIM:
        ind_e -= 1
    indicator = left[ind_s:ind_e]
    if (indicator in _FILLER_SET or re.fullmatch(r"[一二三四五六七八九十]+", indicator)
            or _LEAD_PHRASE_RE.fullmatch(indicator)):
        indicator = ""  # 努力完成4000户, 完成2019年度7.89亿元…: nothing named in front
    dm = _LEAD_DECREASE.match(indicator)
    if dm and len(indicator) - dm.end() >= 2:  # 压减地下水开采量1.57亿立方米
        indicator = indicator[dm.end():]
        ind_s += dm.end()
        dirs.append("decrease")

    # after the number: qualifier, then the noun it counts (3所医院投用)
    qual_after = ""
    pe = b
    for word, qual in POST_QUALIFIERS:
        if text.startswith(word, b):
            qual_after, pe = qual, b + len(word)
            break
    re_end = _clause_end(text, pe)
    rs = pe + 1 if text.startswith("的", pe) else pe
    for stop in ("以及", "和", "及", "等"):
        k = text.find(stop, rs + 1, re_end)
        if k > 0:
            re_end = k
    if text[re_end:re_end + 1] == "、":
        # 40个吸引力强、带动面广的消费场景: describing words, then the noun after 的
        hard_end = re_end
        while hard_end < len(text) and text[hard_end] not in _HARD:
            hard_end += 1
        seg = text[rs:hard_end]
        k = seg.rfind("的")
        if k > 0 and not _DIGIT_RE.search(seg) and 2 <= len(seg) - k - 1 <= 10:
            rs, re_end = rs + k + 1, hard_end
    right = text[rs:re_end]
    dm2 = _DIGIT_RE.search(right)
    if dm2 and 2 <= dm2.start() <= 8 and re.fullmatch(r"[\u4e00-\u9fff]+", right[:dm2.start()]) \
            and _WHEN_END.search(left[:conn_start]):
        # 完成今年66个重点项目54亿元的投资计划: the noun before the next number is what is counted
        re_end = rs + dm2.start()
        right = text[rs:re_end]
    bare = re.sub(r"（[^（）]{1,8}）|\([^()]{1,8}\)", "", right)
    right_ok = (0 < len(bare) <= 16 and not right.startswith(("是", "和", "等", "左右", "以"))
                and not _DIGIT_RE.search(right))

    q_start = ls + ind_s
    q_end = pe
    items = list_items
    front_weak = (
        not indicator or indicator.endswith("等") or indicator in _BARE_VERBS
        or (right_ok and (_weak_front(indicator) or _WHEN_END.search(indicator)))
    )
    if front_weak:
        if right_ok:
            indicator = re.sub(r"（[^（）]{1,8}）|\([^()]{1,8}\)", "", right)  # 县（市、区） -> 县
            q_end = re_end
            # the verb in front acts on the noun after (提升39个县域…质效), not on the count
            if not re.search(r"新增|增加|减少", left[conn_start:]):
                dirs = []
            if not left[ind_s:ind_e]:
                q_start = a
            if text[a - 1 : a] == "等":
                q_start = a - 1
        elif not indicator and prev is not None and (
            prev.unit == q.unit or prev.indicator not in _GENERIC_AMOUNTS
        ):
            # 分别增长8.9%、7.7%: the list continues; take the next subject item
            if list_items:
                indicator = list_items.pop(0)
            else:
                indicator = prev.indicator
            no_connector = conn_start == len(left.rstrip("、和及与"))
            if not dirs and no_connector and prev.direction is not Direction.LEVEL:
                dirs.append(prev.direction.value)
            q_start = ls + ind_s
        else:
            q_start = a if not indicator else q_start
    elif (right_ok and len(right) <= 4 and q.unit not in ("%", "个百分点", "‰") and not dirs
          and _RIGHT_VERB.search(right)):
        indicator = indicator + right  # 农田整治区562亩拆迁
        q_end = re_end
    if is_list and ("、" in indicator or indicator.count("和") == 1):
        parts = [p for p in re.split("、" if "、" in indicator else "和", indicator) if p]
        if len(parts) > 1:
            items = parts[1:]
            indicator = parts[0]
    elif is_list and indicator.startswith("城乡") and lt is not None and lt.end() > after:
        # 城乡居民收入分别增长7%和8%: the first number is urban, the next rural
        rest = indicator[2:]
        indicator, items = "城镇" + rest, ["农村" + rest]
    indicator = _strip(re.sub(r"(?:分别|均|都|也)+$", "", indicator))
    if len(indicator) > 3 and indicator.endswith("有") and not indicator.endswith(("拥有", "具有")):
        indicator = indicator[:-1]  # 重点调度项目有66个: 有 only links the count
    if len(indicator) == 1:
        indicator = ""  # 有6.5%－7%: one character names nothing
    if not indicator and q.unit in ("元", "美元"):
        # 拟连续几年发行超长期特别国债，…，今年先发行1万亿元: the fund named earlier
        funds = list(_FUND_RE.finditer(text, 0, hard))
        if funds:
            indicator = funds[-1].group(1)

    # qualifier
    if q.value_max is not None:
        qualifier = Qualifier.RANGE
    elif qual_after:
        qualifier = Qualifier(qual_after)
    elif lt is not None and lt.end() > after and _post_len(text, lt.end()):
        # 7%和8%左右: the qualifier after the last number covers the whole list
        qualifier = Qualifier(dict(POST_QUALIFIERS)[text[lt.end():lt.end() + _post_len(text, lt.end())]])
    elif any(c in q.text for c in "多余"):
        qualifier = Qualifier.AT_LEAST
    elif quals:
        # the word nearest the number wins (超过 in 力争超过, 达到 in 不低于…达到 is rare)
        qualifier = Qualifier(quals[0])
    else:
        qualifier = Qualifier.EXACT

    direction = _direction(dirs, indicator)
    kind, year = kind_of(report, text, hard, a, part, appendix, multi_year & 1 == 1,
                       bool(multi_year & 2), bool(multi_year & 4))
    # 我区有20个…: what there is already, not what is planned
    # 现行16%的税率降至13%: the rate in force is the baseline
    owned = re.search(r"(?:拥有|现有|共有|已有|有|现行)$", left[:conn_start])
    if owned and owned.group(0) == "有" and re.search(r"安排|计划", left[:conn_start]):
        owned = None  # 今年安排的重点调度项目有66个: what is planned, not what exists
    if kind is FigureKind.TARGET and (baseline or owned or is_spec(text, b, pe, right, q.unit)):
        kind = FigureKind.OTHER
    # 50米内换乘 / 每10万人45台: a distance or a denominator qualifying another number
    within = text.startswith(("内", "范围内", "以内的"), pe) or text[a - 1 : a] == "每"
    if within and kind is FigureKind.TARGET:
        kind = FigureKind.OTHER  # 50米内换乘: a distance that qualifies another indicator
    q_start, q_end = min(q_start, a), max(q_end, b)  # the quote always holds the number
    quote = text[q_start:q_end]
    t = Figure(
        quote=quote, indicator=indicator, value=q.value, unit=q.unit, qualifier=qualifier,
        direction=direction, kind=kind, span=Span(offset + q_start, offset + q_end),
        sentence=Span(offset, offset + len(text)), section=section, value_max=q.value_max,
        year=year,
    )
    return t, (-1 if within else q_end), items


# Time, enumeration and year phrases in front of an indicator: 一是, “十三五”时期, 2019年度, 今明两年.
_LEAD_PHRASE_RE = re.compile(
    r"(?:[一二三四五六七八九十]+是|“?十[一二三四五]五”?(?:时期|期间|期末|末)?|今明两年|未来五年|今后五年|"
    r"(?:到|至)?(?:20|19)\d\d年(?:度|底|末)?(?:的)?|的)"
)
# 从每生每年6000元 / 起征点从月销售额3万元 (提高到…): a short measure phrase may follow 从
_FROM_RE = re.compile(r"(?:由|从)(?:每[\u4e00-\u9fff]{1,4}|人均|月[\u4e00-\u9fff]{0,4}|年[\u4e00-\u9fff]{0,4})?$")
_TO_RE = re.compile(r"[，,]?(?:提高|增加|增|上升|扩大|降低|下降|减少|降|缩短|压缩|调整|提升)?(?:到|至)")


def _post_len(text: str, b: int) -> int:
    for word, _ in POST_QUALIFIERS:
        if text.startswith(word, b):
            return len(word)
    return 0


_FILLER_SET = set(LEAD_FILLERS)
_LEAD_DECREASE = re.compile(r"压减|削减|减少|降低")
# A front that only acts or only says where: the noun counted follows the unit.
_FRONT_VERB_END = re.compile(
    r"(?:建设|支持|聚焦|做强|做优|做大|推进|实施|启动|严格|培育|打造|开工|新建|改造|完成|提升|"
    r"引进|争创|创建|推动|加快|布局|扶持|组建|设立|开展|举办|组织|认定|新增|建成|改扩建)$"
)
_WHEN_END = re.compile(r"(?:今年|全年|明年|年内)$")
_PLACE_END = re.compile(r"(?:镇|乡|村|县|区|市|省|办事处|街道|园区|开发区)$")
_FUND_RE = re.compile(r"(?:发行|安排|设立|筹集|募集)([\u4e00-\u9fff]{2,12}?(?:国债|债券|资金|基金|贷款))")
# 202元、270元 (提高到…): the rest of a list of numbers after this one
_LIST_TAIL = re.compile(
    r"(?:[、和及][0-9０-９.．,]+[万亿]?(?:[%％‰]|个百分点|[\u4e00-\u9fff]{0,3}?)"
    r"(?=[、和及，。；,;：:提增降减上扩至到]|以上|左右|以下|以内|$))*"
)
_DIGIT_RE = re.compile(r"[0-9０-９]")
# Names too generic to lend to the next number of another unit (投资4.7亿元，完成65条).
_GENERIC_AMOUNTS = {"投资", "总投资", "启动投资", "资金", "投入", "完成投资", "计划投资"}
def _weak_front(indicator: str) -> bool:
    """A front that names no measure: a verb phrase, a place, or a list of examples."""
    return bool(
        (len(indicator) <= 6 and _FRONT_VERB_END.search(indicator))
        or (len(indicator) <= 6 and _PLACE_END.search(indicator))
        or "、" in indicator
    )


def _direction(dirs: list[str], indicator: str) -> Direction:
    if dirs:
        return Direction(dirs[0])
    if indicator.endswith("涨幅"):
        return Direction.LEVEL  # a ceiling on prices, not a rise
    if re.search(r"降幅|下降|降低|减少|压减$", indicator):
        return Direction.DECREASE
    if re.search(r"新增|增长|增速|增幅|增加|提高", indicator):
        return Direction.INCREASE
    return Direction.LEVEL
