"""compare_paths (the CLI's compare: a forked helper aligns while jieba loads) gives exactly
what compare() gives, also when the helper fails or cannot be started."""

from __future__ import annotations

import pytest

from reportdesk.engine import CompareOptions, compare, compare_paths, comparison_to_dict
from reportdesk.engine.comparison import parallel
from tests.engine.conftest import corpus_path, report

PAIRS = [("hailar/2018.txt", "hailar/2019.txt"), ("national/2024.txt", "national/2025.txt")]


@pytest.mark.parametrize(("old", "new"), PAIRS)
@pytest.mark.parametrize("moves", [True, False])
def test_same_as_compare(old: str, new: str, moves: bool) -> None:
    options = CompareOptions(detect_moves=moves)
    got = compare_paths(corpus_path(old), corpus_path(new), options)
    assert comparison_to_dict(got) == comparison_to_dict(compare(report(old), report(new), options))


def test_a_failing_helper_costs_only_time(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("helper bug")

    monkeypatch.setattr(parallel, "prepare", broken)  # the forked helper inherits it
    got = compare_paths(corpus_path("hailar/2018.txt"), corpus_path("hailar/2019.txt"))
    want = compare(report("hailar/2018.txt"), report("hailar/2019.txt"))
    assert comparison_to_dict(got) == comparison_to_dict(want)


def test_without_a_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTDESK_SERIAL", "1")
    got = compare_paths(corpus_path("hailar/2018.txt"), corpus_path("hailar/2019.txt"), phrases=False)
    assert not got.phrases.added and not got.phrases.kept
    want = compare(report("hailar/2018.txt"), report("hailar/2019.txt"))
    assert got.changes == want.changes and got.pairs == want.pairs


# Run in a fresh interpreter: under pytest other threads may be alive (then compare_paths
# does not fork, and the tests above never reach the helper).
_FORKED = r"""
import json, logging, sys, time
from reportdesk.engine import compare, comparison_to_dict, load_report
from reportdesk.engine.comparison import parallel

logging.basicConfig(level=logging.WARNING, stream=sys.stdout, format="LOG %(levelname)s %(message)s")
seen = []
start, result = parallel._Helper.start.__func__, parallel._Helper.result

def spy_start(cls, *args):
    helper = start(cls, *args)
    seen.append(("forked", helper is not None))
    return helper

def spy_result(self, timeout=None):
    value = result(self, timeout)
    seen.append(("prepared", value is not None))
    return value

parallel._Helper.start = classmethod(spy_start)
parallel._Helper.result = spy_result
mode, old, new = sys.argv[1:]
if mode == "stuck":
    parallel.HELPER_TIMEOUT = 0.5
    parallel.prepare = lambda *a: time.sleep(600)  # the forked helper inherits it
elif mode == "broken":
    parallel.prepare = lambda *a: 1 / 0
got = parallel.compare_paths(old, new)
want = compare(load_report(old), load_report(new))
print("SAME" if comparison_to_dict(got) == comparison_to_dict(want) else "DIFFERENT")
print(json.dumps(seen))
"""


@pytest.mark.parametrize("mode", ["ok", "stuck", "broken"])
def test_the_forked_helper(mode: str) -> None:
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, REPORTDESK_NO_TOKEN_CACHE="1")  # a run before must not skip the helper
    env.pop("REPORTDESK_SERIAL", None)
    args = [sys.executable, "-c", _FORKED, mode, str(corpus_path("hailar/2018.txt")), str(corpus_path("hailar/2019.txt"))]
    out = subprocess.run(args, capture_output=True, text=True, timeout=300, env=env, check=True).stdout.splitlines()
    assert "SAME" in out
    assert json.loads(out[-1]) == [["forked", True], ["prepared", mode == "ok"]]
    warnings = [ln for ln in out if ln.startswith("LOG WARNING compare helper")]
    if mode == "ok":
        assert not warnings
    else:  # a stuck helper is killed at the timeout, a broken one is noticed: both logged
        assert len(warnings) == 1 and ("gave no result" if mode == "stuck" else "broke") in warnings[0]
