"""Where the command line writes: stdout, or a file through export's atomic writer.

One helper for every command, so that no output can replace one of the command's
own inputs (``compare a.txt b.txt --json b.txt`` used to overwrite b.txt).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_json(data: Any, dest: str, inputs: Iterable[str | Path | None]) -> None:
    """``dest`` "-" is stdout; a file is refused when it is an input, then written atomically."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    if dest == "-":
        sys.stdout.write(text)
        return
    from reportdesk.export.atomic import check_writable, refuse_inputs, write_bytes

    target = Path(dest).expanduser()
    refuse_inputs(target, inputs, "JSON 结果")
    check_writable(target)
    write_bytes(target, text.encode("utf-8"))
