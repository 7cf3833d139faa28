"""A flag that is up while a block runs: ``with self._quiet: ...`` and ``if self._quiet: return``.

Widgets use it to tell their own programmatic changes from the user's
(no signal echoes back while they set text, a selection or a combo box).
"""

from __future__ import annotations


class Guard:
    def __init__(self) -> None:
        self._depth = 0

    def __bool__(self) -> bool:
        return self._depth > 0

    def __enter__(self) -> Guard:
        self._depth += 1
        return self

    def __exit__(self, *_exc: object) -> None:
        self._depth -= 1
