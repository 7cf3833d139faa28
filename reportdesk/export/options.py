"""What the user chose in the export dialog (or on the command line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reportdesk.export.author import default_author

FORMS = ("tracked", "table", "both")

#: The parts of the review document, in the order they are written: what a leader reads
#: first (a one-page summary), then the tracked text, then the tables (issue 13, item 9).
PARTS = ("summary", "tracked", "table", "targets", "tasks")
PART_ZH = {
    "summary": "摘要",
    "tracked": "修订稿",
    "table": "修改对照表",
    "targets": "目标对照表",
    "tasks": "任务数量附录",
}
_BY_FORM = {
    "tracked": ("summary", "tracked", "targets", "tasks"),
    "table": ("summary", "table", "targets", "tasks"),
    "both": PARTS,
}


def parse_parts(text: str) -> tuple[str, ...]:
    """``summary,tracked`` or ``摘要,修订稿`` → the part names in document order; ValueError
    names an unknown part."""
    by_zh = {zh: key for key, zh in PART_ZH.items()}
    chosen = set()
    for word in text.replace("，", ",").replace("、", ",").split(","):
        word = word.strip()
        if not word:
            continue
        key = word if word in PART_ZH else by_zh.get(word)
        if key is None:
            raise ValueError(word)
        chosen.add(key)
    return tuple(p for p in PARTS if p in chosen)


@dataclass(frozen=True)
class ExportOptions:
    form: str = "both"  # "tracked" | "table" | "both": the parts when ``parts`` is None
    author: str = field(default_factory=default_author)  # the OS user's display name
    date: datetime | None = None  # revision date; default now
    include_unchanged: bool = False  # table: show unchanged rows too
    include_targets: bool = True  # comments and table notes on targets
    include_comments: bool = True
    parts: tuple[str, ...] | None = None  # of PARTS; None: those of ``form``
    body_font: str = "仿宋_GB2312"
    title_font: str = "方正小标宋简体"
    heading1_font: str = "黑体"
    heading2_font: str = "楷体_GB2312"

    @property
    def chosen(self) -> tuple[str, ...]:
        """The parts written, in document order."""
        if self.parts is None:
            return _BY_FORM.get(self.form, PARTS)
        return tuple(p for p in PARTS if p in self.parts)

    @property
    def tracked(self) -> bool:
        return "tracked" in self.chosen

    @property
    def table(self) -> bool:
        return "table" in self.chosen
