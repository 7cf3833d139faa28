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
