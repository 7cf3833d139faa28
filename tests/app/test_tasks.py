"""TaskRunner: results come back on the GUI thread; a late result for older input is dropped."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from reportdesk.app.tasks import TaskRunner


def slow(value, seconds):
    time.sleep(seconds)
    return value


def test_result_arrives_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    got = []
    gui = QThread.currentThread()
    runner.submit("x", slow, 7, 0.01, on_done=lambda v: got.append((v, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [(7, True)]
    assert not runner.is_busy()


def test_newest_wins_and_waiting_jobs_are_coalesced(qtbot):
    runner = TaskRunner()
    got = []
    started = []
    dropped = []
    runner.result_dropped.connect(dropped.append)

    def job(v):
        started.append(v)
        time.sleep(0.05)
        return v

    for v in range(5):  # typing fast: five requests while the first runs
        runner.submit("compare", job, v, on_done=got.append)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    assert got == [4]
    assert started == [0, 4]  # 1..3 were replaced before they ever ran
    assert dropped == ["compare"]  # 0 finished after 4 was asked for


def test_channels_are_independent(qtbot):
    runner = TaskRunner()
    got = []
    runner.submit("load", slow, "a", 0.05, on_done=got.append)
    runner.submit("compare", slow, "b", 0.01, on_done=got.append)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    assert sorted(got) == ["a", "b"]


def test_errors_go_to_on_error(qtbot):
    runner = TaskRunner()
    errors = []

    def fail():
        raise ValueError("bad")

    runner.submit("x", fail, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_close_drops_results(qtbot):
    runner = TaskRunner()
    got = []
    runner.submit("y", slow, 2, 0.05, on_done=got.append)
    runner.close()
    time.sleep(0.1)
    qtbot.wait(50)
    assert got == []


def test_busy_signal(qtbot):
    runner = TaskRunner()
    states = []
    runner.busy_changed.connect(states.append)
    ev = threading.Event()
    runner.submit("x", ev.wait, 5)
    assert runner.is_busy("x") and not runner.is_busy("y")
    ev.set()
    qtbot.waitUntil(lambda: states == [True, False], timeout=5000)


def test_in_process_jobs_fall_back_to_a_thread_when_no_process_can_start(qtbot, monkeypatch):
    import os

    from reportdesk.app.engine_process import EngineProcess

    engine = EngineProcess()

    def refuse():
        raise OSError("child processes are not allowed here")

    monkeypatch.setattr(engine, "_start", refuse)
    runner = TaskRunner(engine=engine)
    got = []
    runner.submit("x", os.getpid, on_done=got.append, in_process=True)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [os.getpid()] and runner.engine is None


def test_in_process_jobs_run_in_the_engine(qtbot):
    import os

    from reportdesk.app.engine_process import EngineProcess

    engine = EngineProcess()
    runner = TaskRunner(engine=engine)
    got = []
    runner.submit("x", os.getpid, on_done=got.append, in_process=True)
    qtbot.waitUntil(lambda: bool(got), timeout=30000)
    engine.close()
    assert got[0] != os.getpid()


def test_cancel_keeps_the_engine_when_another_call_runs_there(qtbot):
    """取消 of a load while an export runs in the same engine process: the export ends well
    (a restart would fail it with 已取消) and the load's result is dropped."""
    from reportdesk.app.engine_process import EngineProcess

    engine = EngineProcess()
    runner = TaskRunner(engine=engine)
    done, failed = [], []
    try:
        runner.submit("export", slow, "exported", 1.5, on_done=done.append, on_error=failed.append, in_process=True)
        runner.submit("load", slow, "loaded", 1.5, on_done=done.append, on_error=failed.append, in_process=True)
        qtbot.waitUntil(lambda: len(engine._slots) == 2, timeout=30000)  # both calls in the engine
        runner.cancel("load", "texts")
        qtbot.waitUntil(lambda: not runner.is_busy(), timeout=30000)
        assert done == ["exported"] and not failed
        assert engine.starts == 1
    finally:
        engine.close()


def test_cancel_restarts_the_engine_when_only_the_load_runs_there(qtbot):
    from reportdesk.app.engine_process import EngineProcess

    engine = EngineProcess()
    runner = TaskRunner(engine=engine)
    got = []
    try:
        runner.submit("load", slow, "loaded", 30, on_done=got.append, on_error=got.append, in_process=True)
        qtbot.waitUntil(lambda: len(engine._slots) == 1, timeout=30000)
        runner.cancel("load", "texts")
        qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)  # ended at once, not after 30 s
        assert got == []  # dropped
    finally:
        engine.close()


def test_a_worker_that_dies_reaches_the_crash_hook(monkeypatch) -> None:
    # Workers are bare _thread threads (no wait for them to start): an exception escaping
    # one must still reach threading.excepthook, which writes the crash log.
    seen: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_value))

    class Broken:
        def get(self) -> None:
            raise RuntimeError("inbox broken")

    TaskRunner._serve(object(), Broken())  # type: ignore[arg-type]
    assert len(seen) == 1 and str(seen[0]) == "inbox broken"
