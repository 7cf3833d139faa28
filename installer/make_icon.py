"""Draw the program icon (two facing pages with changes marked) into resources/icons/.

    python installer/make_icon.py

Writes reportdesk.png (256 px, for the window) and reportdesk.ico (for the
Windows executable and installer).  Drawn with Qt, so no image tools needed.

The .ico holds every size Windows asks for (16 px in lists and title bars up to
256 px in large-icon views), each drawn at its size rather than scaled down by
Windows.  Qt's ICO writer stores one image only, so the file is written here:
BMP entries up to 48 px (what older shell code and NSIS read) and PNG for 256.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


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


def _png(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data.data())


def _dib(img: QImage) -> bytes:
    """A 32-bit BGRA bitmap as an .ico entry: height doubled, rows bottom-up, then the AND mask."""
    img = img.convertToFormat(QImage.Format.Format_ARGB32)  # BGRA in memory on little-endian
    w, h = img.width(), img.height()
    header = struct.pack("<IiiHHIIiiII", 40, w, 2 * h, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = [bytes(img.constScanLine(y))[: 4 * w] for y in range(h)]
    mask_row = bytes(((w + 31) // 32) * 4)  # all zero: the alpha channel decides
    return header + b"".join(reversed(rows)) + mask_row * h


def ico_bytes(sizes: tuple[int, ...] = SIZES) -> bytes:
    images = [(n, _png(draw(n)) if n >= 64 else _dib(draw(n))) for n in sizes]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for n, data in images:
        out += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _n, data in images)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need an app
    OUT.mkdir(parents=True, exist_ok=True)
    ok = draw(256).save(str(OUT / "reportdesk.png"))
    (OUT / "reportdesk.ico").write_bytes(ico_bytes())
    print("written" if ok else "failed", OUT)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
