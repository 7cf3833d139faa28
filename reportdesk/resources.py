"""One place that finds bundled resources, wherever ReportDesk runs from.

Works from a source checkout (``<repo>/resources``), an installed wheel
(``reportdesk/_resources``, see pyproject's force-include) and a PyInstaller
bundle (``sys._MEIPASS/resources``).  Pure Python: the engine may use it.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resource_root() -> Path:
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here / "_resources", here.parent / "resources"]
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError("ReportDesk resources not found in: " + ", ".join(map(str, candidates)))


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("dict", "gov_terms.txt")``."""
    return resource_root().joinpath(*parts)
