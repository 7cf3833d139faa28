"""Help ▸ About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget


def show_about(parent: QWidget | None) -> None:
    try:
        from importlib.metadata import version

        ver = version("reportdesk")
    except Exception:  # running from a checkout or a bundle without metadata
        ver = "0.1.0"
    text = (
        "<h3>" + QCoreApplication.translate("About", "ReportDesk") + f" {ver}</h3>"
        + "<p>" + QCoreApplication.translate("About", "Compare successive government work reports side by side, "
                     "review every change and target, and edit this year's draft in place.") + "</p>"
        + "<p>" + QCoreApplication.translate("About", "Runs entirely offline; no text leaves this computer.") + "</p>"
        + f"<p>Qt {qVersion()}</p>"
    )
    QMessageBox.about(parent, QCoreApplication.translate("About", "About ReportDesk"), text)
