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
