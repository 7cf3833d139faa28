"""Typed access to the user's settings (QSettings underneath).

QSettings returns strings from INI files and native types from the Windows
registry; every getter here converts, so the rest of the app never sees a
``"true"`` where it expects ``True``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reportdesk.app.names import APPLICATION, LANGUAGES, ORGANIZATION
from reportdesk.app.paths import is_network_path
from reportdesk.engine import CompareOptions

DEFAULT_LANGUAGE = "zh_CN"
MAX_RECENT = 10
# Fonts a Chinese Windows desktop has; the first one present wins (see ui).
DEFAULT_FONT_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "SimSun", "WenQuanYi Micro Hei", "Noto Sans CJK SC")
DEFAULT_FONT_SIZE = 12


@dataclass(frozen=True)
class RecentComparison:
    old: str
    new: str

    def exists(self) -> bool:
        return Path(self.old).is_file() and Path(self.new).is_file()

    def looks_available(self) -> bool:
        """``exists`` for the menu, on the GUI thread: a file on a network share counts as there
        without being looked at (that can block for seconds); opening it says if it is gone."""
        return all(is_network_path(p) or Path(p).is_file() for p in (self.old, self.new))


def _to_bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off", ""):
        return False
    return default


def _to_int(value: object, default: int) -> int:
    try:
        return int(str(value)) if value is not None else default
    except ValueError:
        return default


def _to_list(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


class Settings:
    """The app's settings; pass a ``QSettings`` on an INI file in tests."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings if qsettings is not None else QSettings(ORGANIZATION, APPLICATION)
        # Compare web-page extras too: chosen for this run of the program only, never saved.
        self.keep_clutter = False

    @classmethod
    def from_ini(cls, path: str | Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def sync(self) -> None:
        self._s.sync()

    # ------------------------------------------------------------ language
    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(value)
        self._s.setValue("ui/language", value)

    # ------------------------------------------------------------ fonts
    @property
    def font_family(self) -> str:
        return str(self._s.value("ui/font_family", "") or "")

    @font_family.setter
    def font_family(self, value: str) -> None:
        self._s.setValue("ui/font_family", value)

    @property
    def font_size(self) -> int:
        size = _to_int(self._s.value("ui/font_size"), DEFAULT_FONT_SIZE)
        return min(max(size, 6), 48)

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._s.setValue("ui/font_size", int(value))

    # ------------------------------------------------------------ author / options
    @property
    def author(self) -> str:
        return str(self._s.value("export/author", "") or "")

    @author.setter
    def author(self, value: str) -> None:
        self._s.setValue("export/author", value.strip())

    @property
    def export_form(self) -> str:
        value = str(self._s.value("export/form", "both"))
        return value if value in ("tracked", "table", "both") else "both"

    @export_form.setter
    def export_form(self, value: str) -> None:
        self._s.setValue("export/form", value)

    @property
    def export_parts(self) -> tuple[str, ...] | None:
        """The review document's parts last chosen; None before the first export with parts
        (then the older ``export_form`` says)."""
        value = self._s.value("export/parts")
        if value is None:
            return None
        words = value.split(",") if isinstance(value, str) else [str(v) for v in value]
        return tuple(w for w in words if w)

    @export_parts.setter
    def export_parts(self, value: tuple[str, ...]) -> None:
        self._s.setValue("export/parts", ",".join(value))

    @property
    def ignore_punctuation_width(self) -> bool:
        return _to_bool(self._s.value("compare/ignore_punctuation_width"), True)

    @ignore_punctuation_width.setter
    def ignore_punctuation_width(self, value: bool) -> None:
        self._s.setValue("compare/ignore_punctuation_width", bool(value))

    @property
    def detect_moves(self) -> bool:
        return _to_bool(self._s.value("compare/detect_moves"), True)

    @detect_moves.setter
    def detect_moves(self, value: bool) -> None:
        self._s.setValue("compare/detect_moves", bool(value))

    def compare_options(self) -> CompareOptions:
        return CompareOptions(
            ignore_punctuation_width=self.ignore_punctuation_width,
            detect_moves=self.detect_moves,
            keep_clutter=self.keep_clutter,
        )

    @property
    def autosave_seconds(self) -> int:
        # Never longer than 30 s: the promise is "at most 30 s of typing lost".
        return min(max(_to_int(self._s.value("drafting/autosave_seconds"), 30), 5), 30)

    @autosave_seconds.setter
    def autosave_seconds(self, value: int) -> None:
        self._s.setValue("drafting/autosave_seconds", int(value))

    @property
    def last_dir(self) -> str:
        return str(self._s.value("files/last_dir", "") or "")

    @last_dir.setter
    def last_dir(self, value: str) -> None:
        self._s.setValue("files/last_dir", value)

    # ------------------------------------------------------------ recent comparisons
    def recent(self) -> list[RecentComparison]:
        olds = _to_list(self._s.value("files/recent_old"))
        news = _to_list(self._s.value("files/recent_new"))
        return [RecentComparison(o, n) for o, n in zip(olds, news)]

    def add_recent(self, old: str, new: str) -> None:
        item = RecentComparison(str(Path(old).resolve()), str(Path(new).resolve()))
        items = [item] + [r for r in self.recent() if r != item]
        self._write_recent(items[:MAX_RECENT])

    def clear_recent(self) -> None:
        self._write_recent([])

    def _write_recent(self, items: list[RecentComparison]) -> None:
        self._s.setValue("files/recent_old", [r.old for r in items])
        self._s.setValue("files/recent_new", [r.new for r in items])

    # ------------------------------------------------------------ window state
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)
