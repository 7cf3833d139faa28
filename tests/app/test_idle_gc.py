"""Full garbage collections wait while the clerk types and run once typing pauses."""

from __future__ import annotations

import gc

from reportdesk.app.idle_gc import HELD, IdleCollector


def test_full_collections_wait_for_a_pause_in_typing(qtbot) -> None:
    before = gc.get_threshold()
    full: list[int] = []

    def watch(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(watch)
    try:
        idle = IdleCollector(pause_ms=100)
        idle.typed()
        assert idle.held() and gc.get_threshold() == (before[0], before[1], HELD)
        idle.typed()  # another keystroke: still held, the pause starts again
        assert gc.get_threshold()[2] == HELD
        full.clear()
        qtbot.waitUntil(lambda: not idle.held(), timeout=5000)
        assert full, "the full collection ran once typing paused"
        assert gc.get_threshold() == before
    finally:
        gc.callbacks.remove(watch)
        gc.set_threshold(*before)


def test_a_collector_gone_while_holding_gives_the_thresholds_back(qtbot) -> None:
    before = gc.get_threshold()
    try:
        idle = IdleCollector(pause_ms=60_000)
        idle.typed()
        assert gc.get_threshold()[2] == HELD
        idle.deleteLater()
        qtbot.waitUntil(lambda: gc.get_threshold() == before, timeout=5000)
    finally:
        gc.set_threshold(*before)
