"""Held-out scoring of target extraction against labels the extractor was NOT tuned on.

The labels in tests/data/gold_heldout/ were made by hand, without reading the extractor,
for four reports (Guangdong 2025 and Henan 2025 .docx, Hailar 2016, national 2019).
A prediction counts when its span overlaps an occurrence of a labelled quote in
``report.text`` and value, value_max and unit are equal; each label is matched at most
once (maximum matching, so the order of predictions does not matter).

The floor (0.6) only guards against a collapse; run with ``-s`` to see the per-file
precision/recall, misses and false positives, which are the numbers that matter.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reportdesk.engine.load.loader import load_report
from reportdesk.engine.model import Figure, FigureKind, Report
from reportdesk.engine.targets.extract import extract_targets
from tests.conftest import corpus_file

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "gold_heldout"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
FLOOR = 0.6

_cache: dict[Path, tuple[dict[str, Any], Report, list[Figure]]] = {}


def _dec(v: Any) -> Decimal | None:
    # str() first: a JSON float such as 5.5 must compare equal to Decimal("5.5").
    return None if v is None else Decimal(str(v))


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    spans, i = [], text.find(quote)
    while i >= 0:
        spans.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return spans


def _fits(pred: Figure, label: dict[str, Any], spans: list[tuple[int, int]]) -> bool:
    if pred.unit != label["unit"]:
        return False
    if _dec(pred.value) != _dec(label["value"]) or _dec(pred.value_max) != _dec(
        label.get("value_max")
    ):
        return False
    return any(pred.start < e and s < pred.end for s, e in spans)


def _match(preds: list[Figure], labels: list[dict[str, Any]], text: str) -> dict[int, int]:
    """Maximum bipartite matching label -> prediction (Kuhn's augmenting paths)."""
    spans = [_occurrences(text, lab["quote"]) for lab in labels]
    cand = [
        [p for p, pred in enumerate(preds) if _fits(pred, lab, spans[i])]
        for i, lab in enumerate(labels)
    ]
    owner: dict[int, int] = {}  # prediction -> label

    def augment(i: int, seen: set[int]) -> bool:
        for p in cand[i]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = i
                return True
        return False

    for i in range(len(labels)):
        augment(i, set())
    return {i: p for p, i in owner.items()}


def _load(gold_path: Path) -> tuple[dict[str, Any], Report, list[Figure]]:
    if gold_path not in _cache:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report = load_report(corpus_file(gold["document"]))
        preds = [t for t in extract_targets(report) if t.kind == FigureKind.TARGET]
        _cache[gold_path] = (gold, report, preds)
    return _cache[gold_path]


def _fmt(v: Any) -> str:
    d = _dec(v)
    return "-" if d is None else format(d.normalize(), "f")


def _score(gold_path: Path) -> tuple[float, float]:
    gold, report, preds = _load(gold_path)
    labels = gold["targets"]
    matched = _match(preds, labels, report.text)
    tp = len(matched)
    p = tp / len(preds) if preds else 0.0
    r = tp / len(labels) if labels else 1.0
    used = set(matched.values())
    print(
        f"\n=== {gold['document']}: P={p:.2f} R={r:.2f} (TP {tp}, labels {len(labels)}, predicted {len(preds)})"
    )
    for i, lab in enumerate(labels):
        if i in matched:
            continue
        spans = _occurrences(report.text, lab["quote"])
        near = [
            f"{pr.quote!r}={_fmt(pr.value)}{pr.unit}"
            for pr in preds
            if any(pr.start < e and s < pr.end for s, e in spans)
        ]
        got = f"  (overlapping predictions: {'; '.join(near)})" if near else ""
        vmax = f"–{_fmt(lab['value_max'])}" if lab.get("value_max") is not None else ""
        print(f"  MISS {lab['quote']!r} = {_fmt(lab['value'])}{vmax} {lab['unit']}{got}")
    for k, pr in enumerate(preds):
        if k not in used:
            vmax = f"–{_fmt(pr.value_max)}" if pr.value_max is not None else ""
            print(f"  FP   {pr.quote!r} = {_fmt(pr.value)}{vmax} {pr.unit} [{pr.indicator}]")
    return p, r


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_heldout_precision_recall_floor(gold_path: Path) -> None:
    p, r = _score(gold_path)
    assert p >= FLOOR, f"precision {p:.2f} below the held-out floor {FLOOR}"
    assert r >= FLOOR, f"recall {r:.2f} below the held-out floor {FLOOR}"


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_heldout_not_targets_are_not_extracted(gold_path: Path) -> None:
    gold, _report, preds = _load(gold_path)
    bad = {nt.strip() for nt in gold["not_targets"]}
    hits = [t.quote for t in preds if t.quote.strip() in bad]
    assert not hits, f"extracted as targets but labelled not_targets: {hits}"


def test_heldout_gold_files_are_well_formed() -> None:
    """Every quote must be an exact substring of the normalized text, or scoring silently under-counts."""
    assert len(GOLD_FILES) >= 4
    for path in GOLD_FILES:
        gold, report, _preds = _load(path)
        for lab in gold["targets"]:
            assert lab["quote"] in report.text, (path.name, lab["quote"])
            assert lab["qualifier"] in {"at_least", "about", "at_most", "exact", "range"}, lab
            assert (lab["qualifier"] == "range") == ("value_max" in lab), lab
        for nt in gold["not_targets"]:
            assert nt in report.text, (path.name, nt)
