"""The engine process: results and exceptions come back; a dead child is replaced."""

from __future__ import annotations

import operator
import os

import pytest

from reportdesk.app.engine_process import EngineCrashed, EngineProcess
from reportdesk.app.jobs import open_pair
from reportdesk.engine.errors import LoadError
from reportdesk.engine.model import CompareOptions


@pytest.fixture(scope="module")
def engine():
    e = EngineProcess()
    yield e
    e.close()


def test_runs_in_another_process(engine):
    assert engine.call(os.getpid) != os.getpid()
    assert engine.call(operator.add, 2, 3) == 5


def test_exceptions_keep_their_type_and_message(engine, tmp_path):
    with pytest.raises(ZeroDivisionError):
        engine.call(operator.truediv, 1, 0)
    bad = tmp_path / "x.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(LoadError) as e:
        engine.call(open_pair, str(bad), str(bad), CompareOptions())
    assert "Word" in e.value.message and e.value.path.endswith("x.doc")


def test_a_dead_child_is_reported_and_replaced(engine):
    first = engine.call(os.getpid)
    with pytest.raises(EngineCrashed) as e:
        engine.call(os._exit, 3)
    assert "意外" in e.value.message
    assert engine.call(os.getpid) not in (first, os.getpid())


def test_a_real_comparison_comes_back_whole(engine, corpus_dir):
    d = corpus_dir / "national"
    o = engine.call(open_pair, str(d / "2024.txt"), str(d / "2025.txt"), CompareOptions())
    assert o.old.year == 2024 and len(o.comparison.changes) > 100
    assert o.comparison.new is not None and o.comparison.new.text == o.new.text


def test_a_call_without_an_answer_in_time_restarts_the_child(engine):
    import time

    from reportdesk.app.engine_process import EngineTimeout

    first = engine.call(os.getpid)
    with pytest.raises(EngineTimeout) as e:
        engine.call(time.sleep, 30, timeout=0.5)
    assert "没有响应" in e.value.message
    assert engine.call(os.getpid) not in (first, os.getpid())


def test_cancel_ends_the_job_in_flight_and_the_next_call_works(engine):
    import threading
    import time

    from reportdesk.app.engine_process import EngineCancelled

    engine.call(os.getpid)  # started
    caught: list[BaseException] = []

    def slow() -> None:
        try:
            engine.call(time.sleep, 30)
        except BaseException as exc:
            caught.append(exc)

    t = threading.Thread(target=slow)
    t.start()
    time.sleep(0.3)
    engine.cancel()
    t.join(timeout=10)  # hang guard
    assert caught and isinstance(caught[0], EngineCancelled) and caught[0].message == "已取消。"
    assert engine.call(operator.add, 1, 1) == 2


def test_a_quick_call_is_answered_while_a_long_one_runs(engine):
    import threading
    import time

    engine.call(os.getpid)
    done: list[float] = []
    t = threading.Thread(target=lambda: done.append(engine.call(time.sleep, 1.5) or time.monotonic()))
    t.start()
    time.sleep(0.2)
    assert engine.call(operator.mul, 6, 7) == 42
    answered = time.monotonic()
    t.join(timeout=20)
    assert done and answered < done[0]  # the quick one did not wait for the long one
