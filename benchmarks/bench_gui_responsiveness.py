"""Does the window stay responsive while it loads, compares and re-compares?

Drives the real main window (offscreen unless a display is given) on the
national 2024→2025 pair with a 10 ms QTimer ticking.  The longest gap
between two ticks is how long the event loop was blocked (budget: 100 ms).
Then types single characters into a paragraph of the draft, the way an input
method commits them, and measures the time from the keystroke until the
updated comparison is on screen (budget: 300 ms; the debounce is part of it).

    python benchmarks/bench_gui_responsiveness.py [--corpus tests/corpus] [--keys 8]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class TickWatch:
    """A 10 ms timer; records the gaps between its ticks (event-loop blocks)."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self._last = 0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self._last)
        self._last = now

    def worst(self) -> float:
        return max(self.gaps, default=0.0)

    def stop(self) -> float:
        self.timer.stop()
        return self.worst()


def wait(app: QApplication, cond, timeout: float = 120.0) -> float:  # noqa: ANN001
    t0 = time.perf_counter()
    while not cond():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - t0 > timeout:
            raise TimeoutError("the window did not finish in time")
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO / "tests" / "corpus"))
    ap.add_argument("--keys", type=int, default=8, help="keystrokes to time")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    old, new = str(corpus / "national" / "2024.txt"), str(corpus / "national" / "2025.txt")

    from reportdesk.gui import guard_none_refcount

    guard_none_refcount()
    app = QApplication.instance() or QApplication([])
    from reportdesk.app.settings import Settings
    from reportdesk.ui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp(prefix="reportdesk-bench-"))
    w = MainWindow(Settings.from_ini(tmp / "s.ini"), tmp / "data")
    w.resize(1400, 900)
    w.show()
    app.processEvents()

    def settled() -> bool:
        return w.is_settled() and not w.runner.is_busy()

    applied: list[object] = []  # one entry per comparison put on screen
    w.drafting.applied.connect(applied.append)

    watch = TickWatch()
    # ---- start-up: the engine process starts and loads jieba's dictionary (what gui.py does)
    from reportdesk.engine.text import tokenize

    watch.start()
    t0 = time.perf_counter()
    w.runner.submit("warmup", tokenize.warm_up, in_process=True)
    wait(app, lambda: not w.runner.is_busy())
    jieba_gap = watch.stop()
    print(f"engine process start + jieba load:   {(time.perf_counter() - t0) * 1000:6.0f} ms wall, longest "
          f"event-loop block {jieba_gap:5.0f} ms")
    # ---- load + first compare
    watch.start()
    t0 = time.perf_counter()
    w.files.open_pair(old, new)
    wait(app, settled)
    load_s = time.perf_counter() - t0
    load_gap = watch.stop()
    c = w.session.comparison
    print(f"load + compare (first):              {load_s * 1000:6.0f} ms wall, longest event-loop block "
          f"{load_gap:5.0f} ms ({len(c.changes)} changes)")
    watch.start()
    t0 = time.perf_counter()
    w.files.open_pair(old, new)
    wait(app, lambda: w.runner.is_busy("load"), timeout=5)
    wait(app, settled)
    warm_gap = watch.stop()
    print(f"load + compare (again):              {(time.perf_counter() - t0) * 1000:6.0f} ms wall, longest "
          f"event-loop block {warm_gap:5.0f} ms")

    # ---- keystrokes in a paragraph: type, wait until the comparison on screen has it
    editor = w.view.new_editor()
    text = w.view.new_text()
    pos = text.index("各位代表") + 4
    latencies, panes_at, gaps, computes, applies = [], [], [], [], []
    for i in range(args.keys):
        ch = "测试文字输入速度"[i % 8]
        cur = editor.textCursor()
        cur.setPosition(pos)
        editor.setTextCursor(cur)
        base = len(applied)
        watch.start()
        t0 = time.perf_counter()
        ev = QInputMethodEvent()
        ev.setCommitString(ch)
        QApplication.sendEvent(editor, ev)
        wait(app, lambda b=base: len(applied) > b and settled())
        latencies.append(time.perf_counter() - t0)
        panes_at.append(w.drafting.last_latency or 0.0)
        gaps.append(watch.stop())
        computes.append(w.drafting.last_compare_seconds or 0.0)
        applies.append(w.drafting.last_apply_seconds or 0.0)
        pos += 1
        app.processEvents()
    debounce = w.drafting.timer.interval()
    print(f"keystroke → highlights in both panes: median {statistics.median(panes_at) * 1000:5.0f} ms, "
          f"max {max(panes_at) * 1000:5.0f} ms")
    print(f"keystroke → panes and all panels updated: median {statistics.median(latencies) * 1000:5.0f} ms, "
          f"max {max(latencies) * 1000:5.0f} ms (debounce {debounce} ms + compare in the engine "
          f"median {statistics.median(computes) * 1000:.0f} ms + apply on GUI thread median "
          f"{statistics.median(applies) * 1000:.0f} ms)")
    print(f"longest event-loop block while re-comparing: {max(gaps):5.0f} ms")
    ok = max(jieba_gap, load_gap, warm_gap) <= 100 and max(gaps) <= 100 and statistics.median(panes_at) <= 0.3
    print("budget (block ≤ 100 ms, keystroke → visible ≤ 300 ms):", "met" if ok else "NOT met")
    w.session.saved_text = w.session.draft_text
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
