"""What keeps typing free of long repaints (issue 12: no event-loop block over 50 ms):
the strips draw once per picture, the lists repaint only the cells that changed, and
the side panels follow the draft once typing pauses."""
# ruff: noqa: F811 - pytest fixtures are imported from main_window_support

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from reportdesk.ui.filter_table import RowsModel
from tests.ui.main_window_support import (  # noqa: F401 - fixtures
    LOAD_TIMEOUT,
    boxes,
    open_pair,
    pair,
    settled,
    type_text,
    window,
)


def test_gutter_draws_its_bands_once_per_picture(qtbot, view, monkeypatch) -> None:
    from reportdesk.ui.change_gutter import ChangeGutter

    draws: list[int] = []
    real = ChangeGutter._draw
    monkeypatch.setattr(ChangeGutter, "_draw", lambda self, *a, **kw: (draws.append(1), real(self, *a, **kw))[1])
    g = view.gutter
    g.repaint()
    first = g.grab().toImage()
    n = len(draws)
    g.repaint()
    g.repaint()
    assert len(draws) == n, "the same bands at the same pixels are copied, not drawn again"
    # Scrolling moves the bands: drawn anew, and the picture differs.
    new = view.new_editor()
    new.verticalScrollBar().setValue(new.verticalScrollBar().value() + 300)
    view.old_editor().verticalScrollBar().setValue(view.old_editor().verticalScrollBar().value() + 300)
    g.repaint()
    assert len(draws) > n
    assert g.grab().toImage() != first
    # The current change's outline is part of the picture.
    n = len(draws)
    view.show_change(view.comparison().changes[len(view.comparison().changes) // 2])
    g.repaint()
    assert len(draws) > n


def test_gutter_redraws_in_quick_succession_are_rough_then_smooth(qtbot, view, monkeypatch) -> None:
    from reportdesk.ui import change_gutter
    from reportdesk.ui.change_gutter import ChangeGutter

    smooth: list[bool] = []
    real = ChangeGutter._draw

    def draw(self, pm, bands, current, smooth_: bool = True, **kw) -> None:  # noqa: ANN001
        smooth.append(kw.get("smooth", smooth_))
        real(self, pm, bands, current, **kw)

    monkeypatch.setattr(ChangeGutter, "_draw", draw)
    clock = [1000.0]  # a fake clock: the two redraws are "moments apart" however slow the machine
    monkeypatch.setattr(change_gutter.time, "perf_counter", lambda: clock[0])
    g = view.gutter
    changes = view.comparison().changes
    view.show_change(changes[len(changes) // 2])
    g.repaint()
    view.show_change(changes[len(changes) // 2 + 1])
    clock[0] += 0.01
    g.repaint()  # a second picture moments after the first: no antialiasing
    assert smooth[-1] is False
    burst = len(smooth)
    # Smooth once the redraws pause: at the timer, though the (frozen) clock says no time
    # passed — no rough rounds until some jitter lets it out.
    qtbot.waitUntil(lambda: len(smooth) > burst, timeout=5000)
    assert smooth[burst:] == [True]
    n = len(smooth)
    g.repaint()
    assert len(smooth) == n, "the smooth picture is kept"


def test_overview_strip_redraws_marks_only_when_they_change(qtbot, view, national) -> None:
    strip = view.overview
    strip.repaint()
    image = strip._image
    strip.repaint()
    assert strip._image is image
    marks = strip.marks()
    strip.set_marks(marks[: len(marks) // 2])
    strip.repaint()
    assert strip._image is not image


class _Rows(RowsModel):
    COLUMN_COUNT = 3

    def data(self, index, role=0):  # noqa: ANN001
        return self._rows[index.row()] if role == 0 else None


def test_few_changed_rows_are_told_cell_by_cell(qtbot) -> None:
    m = _Rows()
    m.replace_rows([f"r{i}" for i in range(100)], key=lambda r: r)
    got: list[tuple[int, int, int, int]] = []
    m.dataChanged.connect(lambda a, b, *_: got.append((a.row(), a.column(), b.row(), b.column())))
    rows = [f"r{i}" for i in range(100)]
    rows[40] = "changed"
    assert m.replace_rows(rows, key=lambda r: r)
    # one cell each: a view repaints those cells' rectangles, not its whole viewport
    assert got == [(40, 0, 40, 0), (40, 1, 40, 1), (40, 2, 40, 2)]
    got.clear()
    many = [f"x{i}" for i in range(100)]
    assert m.replace_rows(many, key=lambda r: r)
    assert len(got) == 1 and got[0] == (0, 0, 99, 2), "a large run is one range"
    assert m.CELLWISE < 100
    assert m.rowCount(QModelIndex()) == 100


def test_a_sorted_table_stays_sorted_after_updates_in_place(qtbot) -> None:
    import random

    from PySide6.QtCore import QSortFilterProxyModel

    from reportdesk.ui.target_table import TargetTableModel

    class Sorted(_Rows):
        CELLWISE = TargetTableModel.CELLWISE  # the targets table sorts: one range, never cells

    m = Sorted()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(m)
    proxy.sort(0)
    rng = random.Random(3)
    rows = [f"{rng.randrange(1000):04d}" for _ in range(60)]
    m.replace_rows(rows, key=lambda r: r)
    for _ in range(200):
        rows = list(rows)
        i = rng.randrange(55)
        for k in range(i, i + rng.randrange(2, 5)):
            rows[k] = f"{rng.randrange(1000):04d}"
        m.replace_rows(rows, key=lambda r: r)
        assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == sorted(rows)


def test_panels_follow_once_typing_pauses(qtbot, window, pair, monkeypatch) -> None:
    from reportdesk.ui.controllers import drafting
    from reportdesk.ui.controllers.drafting import PANEL_DELAY_MS

    w = window
    open_pair(qtbot, w, *pair)
    assert w.drafting.panel_delay_ms() == 0  # nothing typed: a comparison reaches the panels at once
    shown: list[object] = []
    w.comparison_shown.connect(lambda: shown.append(w.session.comparison))
    pos = w.view.new_text().index("请予审议")
    with qtbot.waitSignal(w.drafting.applied, timeout=LOAD_TIMEOUT):
        type_text(w, pos, "新增")
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    # Settled includes the panels: they show the comparison of the text on screen.
    assert shown and shown[-1] is w.session.comparison
    model = w.navigator.model
    assert any("新增" in getattr(model.change_at(r), "new_text", "") for r in range(model.rowCount()))
    # A keystroke "just now" by a clock that stands still: the panels wait, however slow
    # this machine is, and follow once the clock says typing paused.
    clock = [w.drafting.last_edit_at + 0.001]
    monkeypatch.setattr(drafting.time, "perf_counter", lambda: clock[0])
    n = len(shown)
    assert 0 < w.drafting.panel_delay_ms() <= PANEL_DELAY_MS
    w.panels.follow(w.session.comparison)
    qtbot.wait(2 * PANEL_DELAY_MS)
    assert len(shown) == n and w.panels_pending()
    clock[0] += 1.0
    qtbot.waitUntil(lambda: not w.panels_pending(), timeout=LOAD_TIMEOUT)
    assert len(shown) == n + 1 and w.drafting.panel_delay_ms() == 0


def test_reaching_for_a_waiting_panel_brings_it_up_to_date(qtbot, window, pair, monkeypatch) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from reportdesk.ui.controllers import drafting

    w = window
    open_pair(qtbot, w, *pair)
    clock = [10_000.0]  # typing never pauses by this clock: only reaching for a panel updates it
    monkeypatch.setattr(drafting.time, "perf_counter", lambda: clock[0])
    with qtbot.waitSignal(w.drafting.applied, timeout=LOAD_TIMEOUT):
        type_text(w, 0, "一句新增的开头。")
    qtbot.waitUntil(lambda: not w.drafting.pending(), timeout=LOAD_TIMEOUT)
    assert w.panels_pending(), "the change list still shows the comparison before the typing"
    model = w.navigator.model

    def listed() -> bool:
        return any("一句新增" in getattr(model.change_at(r), "new_text", "") for r in range(model.rowCount()))

    assert not listed()
    QTest.mouseClick(w.navigator.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(20, 5))
    assert not w.panels_pending() and listed()
    c = w.session.comparison
    assert [model.change_at(r) for r in range(model.hint_count(), model.rowCount())] == list(c.changes)


def test_overview_strip_reuses_paragraph_positions_while_typing(qtbot, view, monkeypatch) -> None:
    from reportdesk.ui import pane_strip

    strip = view.overview
    strip.mark_rects()
    walked = strip._geometry_key
    marks = strip.marks()
    shifted = [(k, s + 1, e + 1) for k, s, e in marks]  # a character typed before them all
    strip.set_marks(shifted, typed=True)
    rects = strip.mark_rects()
    assert strip._geometry_key == walked, "the paragraphs are not walked again on a keystroke"
    assert len(rects) == len(shifted)
    # once typing pauses the strip lays itself out anew, and agrees with a fresh layout
    qtbot.waitUntil(lambda: strip._geometry_key != walked, timeout=5 * pane_strip.RELAYOUT_MS + 2000)
    fresh = strip.mark_rects()
    strip.set_marks(shifted)
    assert strip.mark_rects() == fresh


def test_panels_are_shown_a_step_per_turn_and_flush_runs_them_all(qtbot) -> None:
    from reportdesk.ui.panel_follow import PanelFollower

    c, newer = object(), object()
    now = [c]
    ran: list[tuple[str, object]] = []
    f = PanelFollower(lambda: 0, lambda: now[0], (lambda x: ran.append(("list", x)), lambda x: ran.append(("rest", x))))
    f.follow(c)  # type: ignore[arg-type]
    assert f.pending() and ran == []
    f._timer.stop()
    f._due()  # what the timer does when it is due
    assert ran == [("list", c)] and f.pending(), "the second step waits for its own turn of the event loop"
    qtbot.waitUntil(lambda: not f.pending(), timeout=5000)
    assert ran == [("list", c), ("rest", c)]
    # flush: every step at once; a comparison replaced meanwhile is not shown
    ran.clear()
    f.follow(c)  # type: ignore[arg-type]
    f.flush()
    assert ran == [("list", c), ("rest", c)] and not f.pending()
    ran.clear()
    f.follow(c)  # type: ignore[arg-type]
    now[0] = newer
    qtbot.wait(50)
    assert ran == [] and not f.pending()
