"""Targets, target changes, reviews, phrases and series as plain JSON-ready dicts.

Field names follow the gold files (quote, indicator, value, value_max, unit,
qualifier, direction); see docs/json-schema.md.  Values are JSON numbers in the
base unit: integers where exact, otherwise decimals written as floats (report
values have at most a few decimal places, so nothing is lost).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportdesk.engine.model import (
    Figure,
    PhraseChanges,
    PhraseOccurrence,
    TargetChange,
    TargetHint,
    TargetReview,
)
from reportdesk.engine.targets.series import Series, SeriesCell
from reportdesk.engine.targets.wording import value_text


def number(d: Decimal | None) -> int | float | None:
    if d is None:
        return None
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def target_to_dict(t: Figure) -> dict[str, Any]:
    return {
        "quote": t.quote,
        "indicator": t.indicator,
        "value": number(t.value),
        "value_max": number(t.value_max),
        "unit": t.unit,
        "qualifier": t.qualifier.value,
        "direction": t.direction.value,
        "kind": t.kind.value,
        "year": t.year,
        "text": value_text(t),
        "start": t.start,
        "end": t.end,
        "sentence_start": t.sentence.start,
        "sentence_end": t.sentence.end,
        "section": t.section,
        "tier": t.tier.value,
        "written": t.written,
    }


def _opt(t: Figure | None) -> dict[str, Any] | None:
    return None if t is None else target_to_dict(t)


def target_change_to_dict(c: TargetChange) -> dict[str, Any]:
    return {
        "indicator": c.indicator,
        "change": c.change.value,
        "wording": c.wording,
        "tier": c.tier.value,
        "old": _opt(c.old),
        "new": _opt(c.new),
    }


def target_review_to_dict(r: TargetReview) -> dict[str, Any]:
    return {
        "indicator": r.indicator,
        "status": r.status.value,
        "wording": r.wording,
        "tier": r.tier.value,
        "target_quote": r.target_quote,
        "actual_quote": r.actual_quote,
        "target": target_to_dict(r.target),
        "actual": _opt(r.actual),
    }


def hint_to_dict(h: TargetHint) -> dict[str, Any]:
    return {
        "kind": h.kind.value,
        "side": h.side,
        "indicator": h.indicator,
        "message": h.message,
        "spans": [[s.start, s.end] for s in h.spans],
    }


def phrase_to_dict(p: PhraseOccurrence) -> dict[str, Any]:
    return {"phrase": p.phrase, "count": len(p.spans), "spans": [[s.start, s.end] for s in p.spans]}


def phrases_to_dict(p: PhraseChanges) -> dict[str, list[dict[str, Any]]]:
    return {
        "added": [phrase_to_dict(o) for o in p.added],
        "removed": [phrase_to_dict(o) for o in p.removed],
        "kept": [phrase_to_dict(o) for o in p.kept],
    }


def _cell(c: SeriesCell) -> dict[str, Any]:
    return {
        "year": c.year,
        "target": _opt(c.target),
        "actual": _opt(c.actual),
        "status": str(c.status),  # a ReviewStatus, or "" for no target that year
        "change": str(c.change),  # a TargetChangeKind, or ""
    }


def series_to_dict(s: Series) -> dict[str, Any]:
    return {
        "years": list(s.years),
        "rows": [
            {"indicator": r.indicator, "unit": r.unit, "cells": [_cell(c) for c in r.cells]}
            for r in s.rows
        ],
    }
