"""Key phrases (提法): quoted terms and recurring policy phrases, and how they change.

Reviewers read a new report for its new 提法 first.  Two sources:

* quoted terms — “无废城市”, “一网通办”, “两个确立”: the report itself marks them;
* recurring phrases — words and short word sequences of five characters or more
  (新质生产力, 全国统一大市场) that occur at least twice or in a heading.  Words come from the shared jieba
  tokenizer (with its government-term dictionary); a sequence may not start or
  end with a verb or a function word, so 推进新型工业化 yields 新型工业化.

Between two reports a phrase is *added* when its text does not occur anywhere in
the old report (quoted or not), *removed* when it does not occur in the new one,
and otherwise *kept*: occurrence in the text, not membership in the other
report's phrase list, so a term merely unquoted is not reported as new.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import chain

from reportdesk.engine.cache import per_report
from reportdesk.engine.model import BlockKind, PhraseChanges, PhraseOccurrence, Report, Span

_QUOTED = re.compile(r"“([^“”。；！？\n]{2,24})”")
_DIGIT = re.compile(r"[0-9０-９]")
_CJK_PLUS = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9+]+$")

# A phrase does not start with these (actions and function words) ...
_NO_START = set(
    """的 和 与 及 等 在 对 把 将 是 了 也 都 要 为 以 并 更 从 向 由 于 被 让 使 而 或 其 该 这 那
    加快 推动 推进 加强 深化 坚持 实施 促进 提高 提升 完善 健全 支持 扩大 持续 进一步 大力 积极
    全面 着力 不断 切实 深入 继续 加大 强化 优化 落实 开展 做好 抓好 保持 稳定 发展 建设 实现
    打造 培育 构建 形成 增强 发挥 坚决 严格 巩固 统筹 鼓励 引导 规范 保障 加力 用好 做强 做优
    做大 落地 确保 力争 努力 全力 着眼 围绕 聚焦 突出 注重 更加 更好 有效 有序 扎实 稳步 逐步
    一批 一些 各类 各项 各地 我们 我国 今年 去年 过去 主要 重点 有关 相关 部分 一是 二是 三是
    四是 五是 六是 七是 八是 一年 五年 全年 同时 进而 通过 按照 根据 以及 其中 已经 正在 必须
    需要 能够 可以 应当 没有 不是 还是 就是 已 正 仍 还 再 又 就 才 都 很 最 较 比 给 同 跟 第
    分别 各位 代表""".split()
)
# ... and does not end with these.
_NO_END = _NO_START | set(
    """工作 方面 问题 水平 能力 作用 力度 领域 体系建设 措施 举措 机制建设 进程 步伐 行动计划
    增长 分别 提高 下降 降低 增加""".split()
) - {"发展", "建设"}

MIN_COUNT = 2
MIN_UNQUOTED = 5
MAX_WORDS = 4


def _heading_spans(report: Report) -> list[tuple[int, int]]:
    out = []
    for p in report.paragraphs:
        if p.kind is BlockKind.HEADING:
            out.append((p.start, p.end))
        elif p.heading_end > p.start:
            out.append((p.start, p.heading_end))
    return out


def _occurrences(text: str, phrase: str, lo: int = 0) -> tuple[Span, ...]:
    out = []
    i = text.find(phrase, lo)
    while i >= 0:
        out.append(Span(i, i + len(phrase)))
        i = text.find(phrase, i + len(phrase))
    return tuple(out)


def _candidates(report: Report, singles: set[str]) -> Counter[str]:
    """Words and word sequences of the body, counted; ``singles`` gets the one-word ones."""
    text = report.text
    found: list[tuple[str, ...]] = []
    for p in report.paragraphs:
        if p.kind not in (BlockKind.BODY, BlockKind.HEADING):
            continue
        phrases, one_word = _paragraph_candidates(text[p.start : p.end])
        found.append(phrases)
        singles.update(one_word)
    # counted in one C loop (adding up a Counter per paragraph went key by key in Python)
    return Counter(chain.from_iterable(found))


@lru_cache(maxsize=4096)
def _paragraph_candidates(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """``_candidates`` of one paragraph, each occurrence once, cached by its text: a draft
    re-compared after an edit tokenizes only the paragraphs that changed."""
    from reportdesk.engine.text.tokenize import words

    found: list[str] = []
    singles: set[str] = set()
    run: list[str] = []
    ws = words(text)
    for w, wordy in zip(ws, map(_CJK_PLUS.match, ws), strict=True):
        if wordy and not w.isdigit():
            run.append(w)
        elif run:
            _count_run(run, found, singles)
            run = []
    if run:
        _count_run(run, found, singles)
    return tuple(found), frozenset(singles)


def _count_run(run: list[str], found: list[str], singles: set[str]) -> None:
    """Append each candidate phrase starting in ``run`` (a run of word tokens) to ``found``."""
    n = len(run)
    digits = _DIGIT.search("".join(run)) is not None  # mostly none: no check per word
    for i in range(n):
        first = run[i]
        if len(first) < 2 or first in _NO_START or first[0] in "第每各该":
            continue
        if len(first) > 12 or (digits and _DIGIT.search(first)):
            continue  # a longer phrase only grows, and keeps the digit
        if len(first) >= 4 and first not in _NO_END:  # every word of a run is _CJK_PLUS
            found.append(first)
            singles.add(first)
        phrase = first
        for last in run[i + 1 : i + MAX_WORDS]:
            if len(last) < 2:
                break
            phrase += last
            if len(phrase) > 12 or (digits and _DIGIT.search(last)):
                break
            if last not in _NO_END:
                found.append(phrase)


@per_report
def extract_phrases(report: Report) -> list[PhraseOccurrence]:
    """The report's key phrases with every place each occurs, in order of first occurrence."""
    text = report.text
    body = report.body_start
    heads = "\n".join(text[a:b] for a, b in _heading_spans(report))
    chosen: dict[str, None] = {}
    for m in _QUOTED.finditer(text, body):
        chosen.setdefault(m.group(1), None)
    singles: set[str] = set()
    counts = _candidates(report, singles)
    # a heading makes a dictionary term key even once; a word sequence must recur
    # Four-character pairs of common words (政策措施, 总体平稳) are the prose's vocabulary,
    # not its 提法; the report quotes its short coinages (“好房子”), so unquoted
    # phrases need five characters or more.
    recurring = {
        p for p, c in counts.items()
        if len(p) >= MIN_UNQUOTED and (c >= MIN_COUNT or (p in singles and p in heads))
    }
    # keep maximal phrases: drop one that only ever occurs inside a longer kept one
    for p in sorted(recurring, key=len, reverse=True):
        if any(p in q and counts[q] >= counts[p] for q in chosen if len(q) > len(p)):
            continue
        chosen.setdefault(p, None)
    out = []
    for p in chosen:
        spans = _occurrences(text, p, body)
        if spans:
            out.append(PhraseOccurrence(phrase=p, spans=spans))
    out.sort(key=lambda o: o.spans[0].start)
    return out


def compare_phrases(old: Report, new: Report) -> PhraseChanges:
    """Added (only in new), removed (only in old) and kept key phrases."""
    old_ph = extract_phrases(old)
    new_ph = extract_phrases(new)
    old_body = old.text[old.body_start :]
    new_body = new.text[new.body_start :]
    added = tuple(o for o in new_ph if o.phrase not in old_body)
    kept = tuple(o for o in new_ph if o.phrase in old_body)
    removed = tuple(o for o in old_ph if o.phrase not in new_body)
    return PhraseChanges(added=added, removed=removed, kept=kept)
