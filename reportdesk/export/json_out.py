"""JSON results written to a file: never over an input, always whole (the CLI and the window)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportdesk.export.atomic import refuse_inputs, write_bytes


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def write_json_file(data: Any, path: str | Path, inputs: Iterable[str | Path | None]) -> Path:
    """Refuse ``path`` when it is one of ``inputs`` (by any name), then write it atomically."""
    target = Path(path).expanduser()
    refuse_inputs(target, inputs, "JSON 结果")
    return write_bytes(target, json_text(data).encode("utf-8"))
