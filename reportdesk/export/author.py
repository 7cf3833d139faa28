"""Who the revisions and comments of an exported review document are by, by default.

The signed-in user's display name: on Windows ``GetUserNameExW(NameDisplay)``
(张三 rather than zhangsan, where the account has one), elsewhere the full name
in the password database (GECOS); else the login name.  Never fails: the last
resort is ``ReportDesk``.
"""

from __future__ import annotations

import functools
import getpass
import sys

FALLBACK = "ReportDesk"
_NAME_DISPLAY = 3  # EXTENDED_NAME_FORMAT.NameDisplay


def _windows_display_name() -> str:
    import ctypes

    secur32 = getattr(ctypes, "windll").secur32  # noqa: B009 - Windows only
    size = ctypes.c_ulong(0)
    secur32.GetUserNameExW(_NAME_DISPLAY, None, ctypes.byref(size))  # asks for the size
    if not size.value:
        return ""
    buf = ctypes.create_unicode_buffer(size.value + 1)
    if not secur32.GetUserNameExW(_NAME_DISPLAY, buf, ctypes.byref(size)):
        return ""
    return str(buf.value)


def _gecos_name() -> str:
    import os
    import pwd

    return pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()


@functools.cache  # one OS lookup per process (a domain query on Windows may be slow)
def default_author() -> str:
    """The OS user's display name, else login name, else ``ReportDesk``."""
    try:
        name = _windows_display_name() if sys.platform == "win32" else _gecos_name()
    except (OSError, KeyError, AttributeError, ImportError, ValueError):
        name = ""
    if not name.strip():
        try:
            name = getpass.getuser()
        except (OSError, KeyError, ImportError):
            name = ""
    return name.strip() or FALLBACK
