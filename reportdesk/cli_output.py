"""Where the command line writes: stdout, or a file through export's atomic writer.

One helper for every command, so that no output can replace one of the command's
own inputs (``compare a.txt b.txt --json b.txt`` used to overwrite b.txt).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_json(data: Any, dest: str, inputs: Iterable[str | Path | None]) -> None:
    """``dest`` "-" is stdout; a file is refused when it is an input, then written atomically."""
    from reportdesk.export.json_out import json_text, write_json_file

    if dest == "-":
        sys.stdout.write(json_text(data))
    else:
        write_json_file(data, dest, inputs)
