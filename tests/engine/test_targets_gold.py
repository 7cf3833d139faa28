"""Target extraction scored against hand-labelled reports.

A prediction counts when its quote overlaps the labelled quote in the report
text and value (and value_max) and unit are equal; each label is matched at
most once.  Only target-kind predictions are scored: labels cover what the
reports plan.

Thresholds: the seed excerpt (labelled by someone else, the issue's acceptance
file) must reach 0.95 precision and recall.  Our own labels (tests/data/gold)
cover whole reports and include everything in the plan parts a reader would
count as a quantified target, so they are harder (a national report mixes fiscal
plans, deltas and restatements; Hailar and Sichuan list many counted tasks and
project sizes whose status is a judgement call): 0.85 is asked there, which
still allows only about one miss in seven.  hailar-2013, hailar-2017,
hebei-2025 and henan-2025 were labelled before the extractor was ever run on
them (held out); at first sight they scored (P/R) 0.94/1.00, 0.98/0.98,
1.00/1.00 and 1.00/0.95.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from reportdesk.engine.load.loader import load_report
from reportdesk.engine.model import Figure, FigureKind, Report
from reportdesk.engine.targets.extract import extract_targets
from tests.conftest import SEED_GOLD, corpus_file

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "gold"


@dataclass
class Score:
    precision: float
    recall: float
    pairs: list[tuple[dict, Figure]]
    false_pos: list[Figure]
    missed: list[dict]


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _same_value(label: dict, t: Figure) -> bool:
    if Decimal(str(label["value"])) != t.value or label["unit"] != t.unit:
        return False
    if "value_max" in label:
        return t.value_max == Decimal(str(label["value_max"]))
    return True


def score(report: Report, gold: dict, kinds: tuple[FigureKind, ...] = (FigureKind.TARGET,)) -> Score:
    preds = [t for t in extract_targets(report) if t.kind in kinds]
    labels = gold["targets"]
    spans = [_occurrences(report.text, lab["quote"]) for lab in labels]
    for lab, sp in zip(labels, spans):
        assert sp, f"labelled quote not in report text: {lab['quote']}"
    used: set[int] = set()
    pairs: list[tuple[dict, Figure]] = []
    false_pos: list[Figure] = []
    for t in preds:
        hit = None
        for k, lab in enumerate(labels):
            if k in used or not _same_value(lab, t):
                continue
            if any(a < t.end and t.start < b for a, b in spans[k]):
                hit = k
                break
        if hit is None:
            false_pos.append(t)
        else:
            used.add(hit)
            pairs.append((labels[hit], t))
    missed = [lab for k, lab in enumerate(labels) if k not in used]
    return Score(
        precision=len(pairs) / len(preds) if preds else 0.0,
        recall=len(pairs) / len(labels),
        pairs=pairs,
        false_pos=false_pos,
        missed=missed,
    )


def close_names(gold: str, pred: str) -> bool:
    """Indicator names are close when one contains the other or they share most characters."""
    g, p = gold.strip("“”"), pred.strip("“”")
    if not p:
        return False
    if g in p or p in g:
        return True
    common = len(set(g) & set(p))
    return common / len(set(g)) >= 0.6


def _load(gold_path: Path) -> tuple[Report, dict]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return load_report(corpus_file(gold["document"])), gold


def _report(name: str, s: Score) -> str:
    fp = "; ".join(f"{t.quote}={t.value}{t.unit}" for t in s.false_pos)
    miss = "; ".join(lab["quote"] for lab in s.missed)
    return f"{name}: P={s.precision:.3f} R={s.recall:.3f}\n  false: {fp}\n  missed: {miss}"


def test_seed_precision_recall_and_names() -> None:
    report, gold = _load(SEED_GOLD)
    s = score(report, gold)
    assert s.precision >= 0.95, _report("seed", s)
    assert s.recall >= 0.95, _report("seed", s)
    close = [close_names(lab["indicator"], t.indicator) for lab, t in s.pairs]
    assert sum(close) / len(close) >= 0.9, [
        (lab["indicator"], t.indicator) for lab, t in s.pairs if not close_names(lab["indicator"], t.indicator)
    ]
    # qualifiers as labelled
    wrong_q = [(lab["quote"], t.qualifier.value) for lab, t in s.pairs if lab["qualifier"] != t.qualifier.value]
    assert len(wrong_q) <= 1, wrong_q


def test_seed_non_targets_not_extracted() -> None:
    report, gold = _load(SEED_GOLD)
    found = extract_targets(report)
    for phrase in gold["not_targets"]:
        for a, b in _occurrences(report.text, phrase):
            hits = [t.quote for t in found if t.start < b and a < t.end and _quantity_inside(report, t, a, b)]
            assert not hits, (phrase, hits)


def _quantity_inside(report: Report, t: Figure, a: int, b: int) -> bool:
    """True when the number of t lies inside [a, b) (the non-target phrase itself was read)."""
    from reportdesk.engine.targets.numbers import parse_quantities

    return any(a <= q.start < b for q in parse_quantities(report.text[t.start : t.end], t.start))


OWN_GOLD = sorted(GOLD_DIR.glob("*.json"))


@pytest.mark.parametrize("gold_path", OWN_GOLD, ids=[p.stem for p in OWN_GOLD])
def test_own_labels(gold_path: Path) -> None:
    report, gold = _load(gold_path)
    s = score(report, gold)
    assert s.precision >= 0.85, _report(gold_path.stem, s)
    assert s.recall >= 0.85, _report(gold_path.stem, s)
    close = [close_names(lab["indicator"], t.indicator) for lab, t in s.pairs]
    assert sum(close) / len(close) >= 0.7, [
        (lab["indicator"], t.indicator) for lab, t in s.pairs if not close_names(lab["indicator"], t.indicator)
    ]
    targets = [t for t in extract_targets(report) if t.kind is FigureKind.TARGET]
    for phrase in gold["not_targets"]:
        for a, b in _occurrences(report.text, phrase):
            hits = [t.quote for t in targets if _quantity_inside(report, t, a, b)]
            assert not hits, (phrase, hits)


def test_own_labels_cover_enough() -> None:
    """At least three labelled reports of our own, with a national and a Hailar one."""
    names = [p.stem for p in OWN_GOLD]
    assert len(names) >= 3
    assert any(n.startswith("national") for n in names)
    assert any(n.startswith("hailar") for n in names)


if __name__ == "__main__":  # print scores: python -m tests.engine.test_targets_gold
    for gp in [SEED_GOLD, *OWN_GOLD]:
        r, g = _load(gp)
        print(_report(gp.stem, score(r, g)))
