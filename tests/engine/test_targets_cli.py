"""JSON dicts of targets and the targets/series commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdesk.cli import main
from reportdesk.engine.load.loader import load_report
from reportdesk.engine.phrases import compare_phrases
from reportdesk.engine.targets.extract import extract_targets
from reportdesk.engine.targets.match import match_targets, review_targets
from reportdesk.engine.targets.serialize import (
    phrases_to_dict,
    target_change_to_dict,
    target_review_to_dict,
    target_to_dict,
)

GOLD_FIELDS = {"quote", "indicator", "value", "unit", "qualifier"}


@pytest.fixture(scope="module")
def pair(corpus_dir: Path):
    return (load_report(corpus_dir / "national" / "2024.txt"), load_report(corpus_dir / "national" / "2025.txt"))


def test_target_dict_has_gold_fields_and_spans(pair) -> None:
    report = pair[1]
    for t in extract_targets(report):
        d = target_to_dict(t)
        assert GOLD_FIELDS <= d.keys()
        assert report.text[d["start"] : d["end"]] == d["quote"]
        assert d["sentence_start"] <= d["start"] < d["end"] <= d["sentence_end"]
        json.dumps(d, ensure_ascii=False)
    grain = next(target_to_dict(t) for t in extract_targets(report) if t.quote == "粮食产量1.4万亿斤左右")
    assert (grain["value"], grain["unit"], grain["qualifier"], grain["kind"]) == (1400000000000, "斤", "about", "target")


def test_change_review_phrases_dicts(pair) -> None:
    old, new = pair
    changes = [target_change_to_dict(c) for c in match_targets(old, new)]
    cpi = next(c for c in changes if c["indicator"] == "居民消费价格涨幅")
    assert cpi["change"] == "lowered" and cpi["old"]["value"] == 3 and cpi["new"]["value"] == 2
    reviews = [target_review_to_dict(r) for r in review_targets(old, new)]
    assert {r["status"] for r in reviews} <= {"met", "not_met", "not_reported"}
    ph = phrases_to_dict(compare_phrases(old, new))
    assert set(ph) == {"added", "removed", "kept"}
    for item in ph["added"]:
        s, e = item["spans"][0]
        assert new.text[s:e] == item["phrase"] and item["count"] == len(item["spans"])
    json.dumps([changes, reviews, ph], ensure_ascii=False)


def test_cli_targets_json(corpus_dir: Path, capsys) -> None:
    seed = corpus_dir / "seed" / "jinniu-2024-plan-excerpt.txt"
    assert main(["targets", str(seed), "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "reportdesk.targets/1"
    quotes = {t["quote"] for t in data["targets"] if t["kind"] == "target"}
    assert "外贸进出口总额突破200亿元" in quotes


def test_cli_targets_table(corpus_dir: Path, capsys) -> None:
    assert main(["targets", str(corpus_dir / "national" / "2025.txt")]) == 0
    out = capsys.readouterr().out
    assert "居民消费价格涨幅" in out and "2%左右" in out


def test_cli_series(corpus_dir: Path, capsys, tmp_path: Path) -> None:
    files = [str(corpus_dir / "national" / f"{y}.txt") for y in (2023, 2024, 2025)]
    dest = tmp_path / "series.json"
    assert main(["series", *files, "--json", str(dest)]) == 0
    out = capsys.readouterr().out
    assert "城镇新增就业" in out and "完成" in out
    data = json.loads(dest.read_text(encoding="utf-8"))
    assert data["years"] == [2023, 2024, 2025]
    jobs = next(r for r in data["rows"] if r["indicator"] == "城镇新增就业")
    assert [c["year"] for c in jobs["cells"]] == [2023, 2024, 2025]
