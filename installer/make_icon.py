"""Draw the program icon (two facing pages with changes marked) into resources/icons/.

    python installer/make_icon.py

Writes reportdesk.png (256 px, for the window) and reportdesk.ico (for the
Windows executable and installer).  Drawn with Qt, so no image tools needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#b3261e"))  # the red of official documents
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 40 * s, 40 * s)
    for x in (32, 134):  # two pages
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(QRectF(x * s, 44 * s, 90 * s, 170 * s), 8 * s, 8 * s)
        for i, y in enumerate(range(66, 200, 22)):
            colour = QColor("#9e9e9e")
            if x == 32 and i == 2:
                colour = QColor("#e57373")  # a deletion on the left
            if x == 134 and i in (2, 4):
                colour = QColor("#43a047")  # insertions on the right
            p.setPen(QPen(colour, 9 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawLine(int((x + 14) * s), int(y * s), int((x + 76 - (i % 3) * 10) * s), int(y * s))
            p.setPen(Qt.PenStyle.NoPen)
    p.end()
    return img


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need an app
    OUT.mkdir(parents=True, exist_ok=True)
    ok = draw(256).save(str(OUT / "reportdesk.png")) and draw(256).save(str(OUT / "reportdesk.ico"))
    print("written" if ok else "failed", OUT)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
