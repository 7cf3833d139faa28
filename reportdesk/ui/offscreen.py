"""Fonts for Qt's offscreen platform on Windows (screenshots, tests, the Windows check).

Offscreen Qt reads fonts from one folder, ``QT_QPA_FONTDIR``, which defaults to a ``fonts``
folder inside Qt that PySide6 does not ship: on Windows it finds no font at all and lays out
every text with a guess.  Point it at the Windows fonts folder (Microsoft YaHei, SimSun …).
"""

from __future__ import annotations

import os
import sys


def use_windows_fonts_offscreen(platform: str | None = None) -> None:
    """Set ``QT_QPA_FONTDIR`` when Qt will run offscreen on Windows; call before QApplication.

    ``platform``: the value of a ``-platform`` argument, if one was given.
    """
    if sys.platform != "win32" or os.environ.get("QT_QPA_FONTDIR"):
        return
    if not (platform or os.environ.get("QT_QPA_PLATFORM", "")).startswith("offscreen"):
        return
    os.environ["QT_QPA_FONTDIR"] = os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts")
