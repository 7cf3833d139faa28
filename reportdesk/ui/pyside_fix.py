"""Work around a PySide6 6.12 reference-count bug on Python < 3.12.

Every call of a Qt method that returns nothing drops one reference to ``None``
without taking it, and a bool signal into a C++ slot drops one to True/False
(from 3.12 on these objects are immortal, so the binding no longer counts).
On 3.11 a few thousand calls bring the count to zero and the process aborts
with "none_dealloc"/"bool_dealloc" — at exit in a short test run, mid-session
in the app.  Reproduce it with::

    sys.getrefcount(None); [painter.save() for _ in range(1000)]; sys.getrefcount(None)

(it drops by 1000).  A huge reference count makes them immortal in practice,
as they are by design on 3.12+.  Call once, before the first widget.
"""

from __future__ import annotations

import ctypes
import sys

_DONE = False


def make_none_immortal() -> None:
    global _DONE
    if _DONE or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every PyObject in a release build.
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    _DONE = True
