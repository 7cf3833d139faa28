"""``reportdesk --demo --screenshot PATH``: renders the finished comparison and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from reportdesk.gui import build_parser, demo_paths, split_qt_args


def test_demo_samples_are_bundled():
    paths = demo_paths()
    assert len(paths) == 2 and all(os.path.isfile(p) for p in paths)
    assert "2024" in paths[0] and "2025" in paths[1]


def test_arguments():
    a = build_parser().parse_args(["a.docx", "b.txt", "--screenshot", "x.png", "--lang", "en"])
    assert a.files == ["a.docx", "b.txt"] and a.screenshot == "x.png" and a.lang == "en" and not a.demo


def test_qt_arguments_go_to_qt():
    ours, qt = split_qt_args(["--demo", "-platform", "offscreen", "a.txt", "-style=fusion", "-reverse", "-platform"])
    assert ours == ["--demo", "a.txt"]
    assert qt == ["-platform", "offscreen", "-style=fusion", "-reverse", "-platform"]


def run(args, tmp_path, platform_env=True):
    env = {**os.environ, "REPORTDESK_DATA_DIR": str(tmp_path / "data")}
    env.pop("QT_QPA_PLATFORM", None)
    if platform_env:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([sys.executable, "-m", "reportdesk", *args], capture_output=True, text=True,
                          timeout=300, env=env)


def test_screenshot_of_the_demo(tmp_path):
    out = tmp_path / "shot.png"
    # Qt's own -platform argument, as the Wine check passes it (Wine drops QT_QPA_PLATFORM).
    r = run(["--demo", "-platform", "offscreen", "--screenshot", str(out), "--size", "1200x800"], tmp_path,
            platform_env=False)
    assert r.returncode == 0, r.stderr[-2000:]
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1200, 800)
    # not a blank window: many distinct colours (text, highlights, gutter)
    colours = {img.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, 800, 7)}
    assert len(colours) > 50


def test_screenshot_with_a_bad_file_reports_the_message(tmp_path, corpus_dir):
    bad = tmp_path / "bad.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)
    r = run([str(bad), str(corpus_dir / "national" / "2025.txt"), "--screenshot", str(tmp_path / "x.png")], tmp_path)
    assert r.returncode == 2
    assert "Word" in r.stderr and "Traceback" not in r.stderr


def test_screenshot_needs_files(tmp_path):
    r = run(["--screenshot", str(tmp_path / "x.png")], tmp_path)
    assert r.returncode == 2 and "--demo" in r.stderr
