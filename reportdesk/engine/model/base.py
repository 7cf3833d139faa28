"""The two values everything else is made of: ``Span`` and the ``StrEnum`` base."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import Enum

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.10

    class StrEnum(str, Enum):
        """Members are their values: ``str(m)``, f-strings and JSON all give the plain string."""

        def __str__(self) -> str:
            return str(self.value)


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def __bool__(self) -> bool:
        # An empty span is still a place (an insertion point), not "no span".
        return True

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Spanned:
    """``start``/``end`` read from ``span``: one Span is the only place a value keeps its offsets."""

    span: Span

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end
