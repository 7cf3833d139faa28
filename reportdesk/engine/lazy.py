"""A package face whose names are imported on first use (PEP 562), shared by the engine's
face and the session's: a process that only shows results (the window's) never imports the
comparing it leaves to the engine process (issue 12: start-up)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_names(
    package: str, table: dict[str, str], namespace: dict[str, Any], public: list[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package``: ``table`` maps each name to the sub-module
    defining it (``"module"``, or ``"module:attribute"`` when the face renames it).  A value is
    kept in ``namespace`` (the package's globals), so the next look-up is an ordinary global;
    Python's import lock is per module, so threads asking at once wait for one import."""

    def getattr_(name: str) -> Any:
        try:
            module, _, attr = table[name].partition(":")
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(f"{package}.{module}"), attr or name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *public})

    return getattr_, dir_
