"""Word tokens for Chinese report text.

jieba (with our dictionary of government terms) splits the prose into words, so a
diff highlights 提高→增强 rather than single characters.  Quantities are cut out
first and kept whole with their unit and qualifier (``1200万人以上``,
``5.5%左右``, ``4.5%—5%``), so a changed target reads as one replaced value.

The jieba dictionary takes about a second to load; it is loaded once, lazily, and
its parsed form is cached in the user's cache directory.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import tempfile
import threading
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from reportdesk.engine.text.normalize import fold
from reportdesk.engine.text.token_store import VERSION as TOKEN_STORE_VERSION
from reportdesk.engine.text.token_store import TokenStore

# A number: Arabic (with thousands separators / decimals) or Chinese numerals
# followed by a multiplier; then an optional unit and qualifier.  Matched on the
# folded text, so full-width digits and ％ are already ASCII.
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_MULT = r"(?:万亿|亿|万|千)"
_UNIT = (
    r"(?:个百分点|百分点|%|‰|倍|美元|元|人次|万人|人|户|个|家|所|项|套(?:\(间\)|（间）)?|间|亩|公顷|"
    r"平方公里|平方米|立方米|公里|千米|米|吨|公斤|斤|千瓦时|千瓦|瓦|标准箱|辆|张|床|座|条|台|件|"
    r"艘|架|部|处|场|批|次|天|年|月|日|岁|周年|名|位|分|里|度)"
)
_QUAL = r"(?:以上|左右|以内|以下|多|余)"
_NUM_CORE = rf"(?:{_ARABIC}(?:多|余)?{_MULT}?|[{_CN_DIGITS}]+{_MULT})"
_QUANTITY = re.compile(
    rf"{_NUM_CORE}{_UNIT}?(?:[—\-–~～至到]{_NUM_CORE}{_UNIT}?)?{_QUAL}?"
)
_SPACE = re.compile(r"\s+")

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """Per-user cache folder (LOCALAPPDATA on Windows, XDG elsewhere)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "ReportDesk" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportdesk"


class _Jieba:
    """A private jieba tokenizer: our dictionary must not leak into other users of jieba."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tk: Any = None

    def get(self) -> Any:
        if self._tk is None:
            with self._lock:
                if self._tk is None:
                    self._tk = self._load()
        return self._tk

    @staticmethod
    def _load() -> Any:
        jieba = _import_jieba()
        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        try:
            d = cache_dir()
            d.mkdir(parents=True, exist_ok=True)
            tk.tmp_dir = str(d)
        except OSError:  # read-only profile: jieba falls back to the temp dir
            pass
        _initialize(tk)
        from reportdesk.resources import resource_path

        user_dict = resource_path("dict", "gov_terms.txt")
        if user_dict.is_file():
            # Given a path, jieba opens the file and never closes it (a ResourceWarning).
            with open(user_dict, "rb") as f:
                tk.load_userdict(f)
        return tk


def _import_jieba() -> Any:
    import warnings

    # Importing jieba 0.42 warns, and under -W error (as the tests run) a warning is an
    # exception: its _compat imports pkg_resources (DeprecationWarning, or a UserWarning
    # in newer setuptools), and its sources have invalid escape sequences such as "\."
    # (DeprecationWarning when compiled on 3.11, SyntaxWarning from 3.12).  None of it is
    # ours to fix, so it is silenced here, at the one place jieba is imported, rather
    # than in every caller's warning filters.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.filterwarnings("ignore", "pkg_resources is deprecated", UserWarning)
        # jieba imports pkg_resources (a fifth of a second) only to open its bundled
        # files, and opens them by path when it is missing: it is hidden for the import.
        hide = "pkg_resources" not in sys.modules
        if hide:
            sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            import jieba
        finally:
            if hide and sys.modules.get("pkg_resources", False) is None:
                del sys.modules["pkg_resources"]
    return jieba


def _initialize(tk: Any) -> None:
    """``tk.initialize()``, reading jieba's own dictionary cache in one piece.

    jieba unmarshals its cache (half a million words) straight from the file, which reads
    it a few bytes at a time: 1-2 s in a busy process.  Read whole and unmarshalled from
    memory it takes a third of a second.  Anything unexpected falls back to jieba's way,
    which also writes the cache the first time.
    """
    import marshal

    cache = Path(tk.tmp_dir or tempfile.gettempdir()) / "jieba.cache"
    if tk.dictionary is None and not tk.cache_file and cache.is_file():  # jieba's default dictionary
        try:
            freq, total = marshal.loads(cache.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            pass
        else:
            if isinstance(freq, dict) and isinstance(total, int):
                tk.FREQ, tk.total, tk.initialized = freq, total, True
                return
    tk.initialize()


_JIEBA = _Jieba()


def warm_up() -> None:
    """Load the dictionary now (call from a background thread at start-up)."""
    _JIEBA.get()


def quantity_spans(folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of quantities (number + unit + qualifier) in already folded text."""
    end = len(folded) if end is None else end
    out = []
    for m in _QUANTITY.finditer(folded, start, end):
        s, e = m.span()
        # A Chinese numeral glued to a preceding character is usually part of a word (统一…).
        if not folded[s].isdigit() and m.group().strip(_CN_DIGITS + "万亿千") == "":
            continue
        out.append((s, e))
    return out


def tokenize(text: str, start: int = 0, end: int | None = None, folded: str | None = None) -> list[tuple[int, int]]:
    """Token spans covering ``text[start:end]`` completely and in order.

    Whitespace is attached to the token before it (so ignoring whitespace is a
    matter of the key, not of coverage); quantities are single tokens.
    """
    end = len(text) if end is None else end
    if folded is None:
        # Cut piece by piece, each cached by its text: a draft re-compared after a
        # keystroke is mostly the same sentences as before, and the inline diff (by
        # sentence) and the phrases (by paragraph) ask for the same pieces.
        out: list[tuple[int, int]] = []
        for a, b in _chunks(text, start, end):
            out += [(x + a, y + a) for x, y in _tokens_of(text[a:b])]
        return out
    return _tokenize(text, start, end, folded)


def words(text: str) -> list[str]:
    """The tokens of ``text`` as strings: ``[text[a:b] for a, b in tokenize(text)]`` without
    making the spans."""
    out: list[str] = []
    for a, b in _chunks(text, 0, len(text)):
        piece = text[a:b]
        out += [piece[x:y] for x, y in _tokens_of(piece)]
    return out


# jieba cuts text into runs of Han characters, letters and digits and tokenizes each run
# alone; these characters are never inside a run, a quantity, or whitespace glued to the
# token before.  So text cut apart after them (where no space follows) is cut exactly as
# it is whole (tests/engine/test_tokenize_chunks.py, the whole corpus).
_HARD = "。！？；”’"
# A whole run, then a look at the one character after it.  (A lookahead in the pattern,
# ``[…]+(?=[^\\s…])``, backtracks through the run at every start in it when a space or
# the end follows: quadratic, minutes for a line of 200,000 。.)
_HARD_RUN = re.compile(f"[{_HARD}]+")
_SPACE_AT = re.compile(r"\s")


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as the pieces it is cut in: split after each run of ``_HARD``
    that something other than whitespace follows."""
    out = []
    a = start
    for m in _HARD_RUN.finditer(text, start, end):
        e = m.end()
        if e >= end or _SPACE_AT.match(text, e):
            continue
        out.append((a, e))
        a = e
    if a < end or not out:
        out.append((a, end))
    return out


def pieces(text: str) -> list[str]:
    """The pieces ``tokenize`` cuts ``text`` in (and caches and stores them by)."""
    return [text[a:b] for a, b in _chunks(text, 0, len(text))]


@lru_cache(maxsize=20000)
def _tokens_of(piece: str) -> tuple[tuple[int, int], ...]:
    store = _store()
    found = store.get(piece)
    if found is None:
        found = tuple(_tokenize(piece, 0, len(piece), fold(piece)))
        store.put(piece, found)
    return found


@cache
def _store() -> TokenStore:
    """The disk store of cut pieces, salted with all that decides a cut besides the text."""
    import importlib.util

    from reportdesk.resources import resource_path

    parts = [f"v{TOKEN_STORE_VERSION}", _QUANTITY.pattern, _SPACE.pattern]
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return TokenStore(None)
    for f in (Path(spec.origin), Path(spec.origin).parent / "dict.txt"):  # a jieba upgrade changes them
        try:
            st = f.stat()
            parts.append(f"{f.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f.name)
    try:
        parts.append(resource_path("dict", "gov_terms.txt").read_text(encoding="utf-8"))
    except OSError:
        parts.append("no terms")
    salt = hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=32).digest()
    return TokenStore(cache_dir(), salt)


def all_cut_before(job: str) -> bool:
    """Whether an earlier run did ``job`` (see ``remember_job``) and stored every piece it cut."""
    return _store().marked(job)


def remember_job(job: str) -> None:
    """Mark ``job`` (a name for a comparison of given texts) as having all its pieces stored."""
    _store().mark(job)


def _tokenize(text: str, start: int, end: int, folded: str) -> list[tuple[int, int]]:
    base = 0
    spans: list[tuple[int, int]] = []
    pos = start
    tk = None
    for qs, qe in quantity_spans(folded, start - base, end - base):
        qs += base
        qe += base
        if qs > pos:
            tk = tk or _JIEBA.get()
            _cut(tk, text, pos, qs, spans)
        spans.append((qs, qe))
        pos = qe
    if pos < end:
        tk = tk or _JIEBA.get()
        _cut(tk, text, pos, end, spans)
    return _attach_space(text, spans)


def _cut(tk: Any, text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    # the words' ends as running sums, in C (a Python step per word cost more than the rest
    # of our share of a cut)
    ends = list(accumulate(map(len, tk.cut(text[start:end], HMM=True)), initial=start))
    out += zip(ends, ends[1:])


def _attach_space(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not spans or _SPACE.search(text, spans[0][0], spans[-1][1]) is None:
        return spans  # no space in the text (most pieces): no token to glue
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and text[s:e].isspace():
            ps, _ = out[-1]
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


def token_key(text: str, span: tuple[int, int], *, fold_width: bool = True) -> str:
    """What a token compares as: width-folded, whitespace removed."""
    t = text[span[0] : span[1]]
    if fold_width:
        t = fold(t)
    return _SPACE.sub("", t)
