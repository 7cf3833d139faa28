"""What an indicator is called, which indicator a name means, and which way is better.

Identity comes before value: two figures are the same indicator when their names
fold to the same key in the name table ``resources/dict/indicators.txt`` (synonyms
and statistical renames: 农民人均纯收入 → 农村常住居民人均可支配收入, 公共财政预算
收入 → 一般公共预算收入) and carry the same scope words (区本级 ≠ 全社会).  Names
outside the table fall back to character similarity (城镇新增就业 / 新增城镇就业)
and may not pair on a generic noun alone (投资, 项目: see ``specific``).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache

from reportdesk.engine.targets.rules import BARE_VERBS, BETTER_LOWER, LEVEL_WORDS, SYNONYMS
from reportdesk.resources import resource_path

TABLE = ("dict", "indicators.txt")
# Below this similarity names are not alike (callers' thresholds are at or above it), so an
# upper bound of the ratio below it is returned as is.
SIMILAR = 0.6
# Names are read from text the user types, so the caches of names are bounded.
NAMES_KEPT = 1 << 14


@dataclass(frozen=True)
class NameTable:
    """The name table as read: alias → canonical, and the three word lists."""

    aliases: tuple[tuple[str, str], ...]  # longest alias first
    scopes: tuple[str, ...]
    fillers: tuple[str, ...]
    generic: frozenset[str]


def _words(value: str) -> list[str]:
    return [w.strip() for w in value.split("|") if w.strip()]


def parse_table(text: str) -> NameTable:
    """Read the table's lines (``规范名 = 别名 | 别名``, ``@范围 = …``; ``#`` comments)."""
    aliases: dict[str, str] = {}
    lists: dict[str, list[str]] = {"@范围": [], "@虚词": [], "@泛称": []}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, _, rest = line.partition("=")
        head = head.strip()
        if head in lists:
            lists[head] += _words(rest)
            continue
        for alias in [head, *_words(rest)]:
            aliases.setdefault(alias, head)
    ordered = tuple(sorted(aliases.items(), key=lambda kv: len(kv[0]), reverse=True))
    fillers = tuple(sorted(lists["@虚词"], key=len, reverse=True))
    scopes = tuple(sorted(lists["@范围"], key=len, reverse=True))
    return NameTable(ordered, scopes, fillers, frozenset(lists["@泛称"]))


@cache
def name_table() -> NameTable:
    return parse_table(resource_path(*TABLE).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Identity:
    """Which indicator a name means: the table's names in it, its scope words, the rest."""

    known: tuple[str, ...]  # canonical names from the table, in reading order
    scope: frozenset[str]  # scope words outside the table's names
    rest: str  # what is left once fillers are dropped
    key: str = ""  # all three as one string: equal keys, one indicator


@lru_cache(maxsize=NAMES_KEPT)
def identity(name: str) -> Identity:
    """Fold ``name`` through the table: 农民人均纯收入增长 → (农村常住居民人均可支配收入,)."""
    table = name_table()
    known: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(name):
        hit = next((a for a in table.aliases if name.startswith(a[0], i)), None)
        if hit is None:
            rest.append(name[i])
            i += 1
            continue
        known.append(hit[1])
        rest.append("\u0000")  # keeps the words on either side apart
        i += len(hit[0])
    left = "".join(rest)
    scope = set()
    for w in table.scopes:
        if w in left:
            scope.add(w)
            left = left.replace(w, "\u0000")
    for w in table.fillers:
        if len(w) > 1:
            left = left.replace(w, "\u0000")
    left = left.replace("\u0000", "")
    for w in table.fillers:  # one-character fillers only at the ends (再就业 keeps 再)
        if len(w) == 1:
            left = left.strip(w)
    key = "|".join(known) + "#" + "".join(sorted(scope)) + "#" + left
    return Identity(tuple(known), frozenset(scope), left, key)


def is_known(name: str) -> bool:
    """The name is one indicator of the table (scope words aside): 粮食产量, 赤字率 …"""
    ident = identity(name)
    return len(ident.known) == 1 and not ident.rest


def same_indicator(a: str, b: str) -> float:
    """0..1: how surely two names mean one indicator (1.0 same table entry, 0.0 different).

    Names of the table pair only with the same entry and scope; other names by
    similarity, never across different scope words.
    """
    ia, ib = identity(a), identity(b)
    if ia.key == ib.key:
        return 1.0
    if ia.known or ib.known:
        return 0.0  # a table name pairs only with its own entry
    if ia.scope and ib.scope and ia.scope != ib.scope:
        return 0.0  # 区本级… and 全社会…: scope words that differ
    return name_similarity(a, b)


@lru_cache(maxsize=NAMES_KEPT)
def specific(name: str) -> bool:
    """The name says which object it counts, not only 投资 / 项目 / 道路 / 资金 / 任务."""
    ident = identity(name)
    if ident.known:
        return True
    rest = ident.rest
    generic = name_table().generic
    for g in sorted(generic, key=len, reverse=True):
        rest = rest.replace(g, "")
    return len(rest) >= 2


@lru_cache(maxsize=NAMES_KEPT)
def canonical(name: str) -> str:
    """A comparison key for similarity: synonyms folded, filler dropped (not for display)."""
    s = name
    for a, b in SYNONYMS:
        s = s.replace(a, b)
    return s


# Real indicator names stay under 60 characters (the longest in the corpus has 56); a
# longer "name" is a run of text without stops, and SequenceMatcher is quadratic on it.
# Its end, next to the number, says what is counted.
MAX_COMPARED = 80


def name_similarity(a: str, b: str) -> float:
    """0..1 similarity of two indicator names after folding synonyms."""
    ca, cb = canonical(a)[-MAX_COMPARED:], canonical(b)[-MAX_COMPARED:]
    if not ca or not cb:
        return 0.0
    if ca == cb:
        return 1.0
    short, long_ = sorted((ca, cb), key=len)
    # a name inside another is the same object, unless it only acts (发展, 建设)
    if short not in BARE_VERBS and short in long_:
        if any(w in long_.replace(short, "", 1) for w in LEVEL_WORDS):
            return 0.5  # 国家级战略性新兴产业集群 is not any 产业集群: a level names another object
        return 0.75 + 0.25 * len(short) / len(long_)
    sm = SequenceMatcher(None, ca, cb, autojunk=False)
    bound = sm.real_quick_ratio()  # upper bounds first: most pairs of names are far apart
    if bound < SIMILAR:
        return bound
    bound = sm.quick_ratio()
    return bound if bound < SIMILAR else sm.ratio()


def better_lower(indicator: str, direction: str) -> bool:
    """True when a smaller value is the better outcome (失业率, 涨幅 as a ceiling).

    A *decrease* target states the size of a cut (能耗降低3%): there a bigger
    cut is better, so this returns False.
    """
    if direction == "decrease":
        return False
    return any(w in indicator for w in BETTER_LOWER)
