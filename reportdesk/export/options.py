"""What the user chose in the export dialog (or on the command line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reportdesk.export.author import default_author

FORMS = ("tracked", "table", "both")


@dataclass(frozen=True)
class ExportOptions:
    form: str = "both"  # "tracked" | "table" | "both"
    author: str = field(default_factory=default_author)  # the OS user's display name
    date: datetime | None = None  # revision date; default now
    include_unchanged: bool = False  # table: show unchanged rows too
    include_targets: bool = True
    include_comments: bool = True
    body_font: str = "仿宋_GB2312"
    title_font: str = "方正小标宋简体"
    heading1_font: str = "黑体"
    heading2_font: str = "楷体_GB2312"

    @property
    def tracked(self) -> bool:
        return self.form in ("tracked", "both")

    @property
    def table(self) -> bool:
        return self.form in ("table", "both")
