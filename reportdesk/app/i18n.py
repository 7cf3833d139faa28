"""Load the translations: ours (resources/i18n/reportdesk_<lang>.qm) and Qt's own.

UI source strings are English inside ``tr()``; Simplified Chinese is the
default language and comes from the .qm built from ``reportdesk_zh_CN.ts``.
Qt's qtbase translation gives the standard buttons (确定/取消/保存…).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reportdesk.resources import resource_path

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []  # kept alive: Qt does not own them


def qm_path(language: str) -> str:
    return str(resource_path("i18n", f"reportdesk_{language}.qm"))


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Install translators for ``language`` ("zh_CN" or "en"); True if ours loaded."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(QLocale("zh_CN") if language == "zh_CN" else QLocale("en_US"))
    if language == "en":
        return True  # source strings are English
    ours = QTranslator(app)
    ok = ours.load(qm_path(language))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation %s not found", qm_path(language))
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok
