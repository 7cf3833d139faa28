"""Comparison → plain dict for ``--json``; the schema is documented in docs/json-schema.md.

Field names are a stable contract: add fields, never rename or remove them.
"""

from __future__ import annotations

from typing import Any

from reportdesk.engine.model import Change, Comparison, Report
from reportdesk.engine.targets import serialize as target_json
from reportdesk.engine.targets.rows import target_counts, target_rows

SCHEMA = "reportdesk.compare/1"


def report_info(r: Report) -> dict[str, Any]:
    return {"path": r.path, "title": r.title, "year": r.year, "chars": len(r.text), "encoding": r.encoding,
            "format": r.format.value, "notices": list(r.notices)}


def change_to_dict(c: Change) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": c.id,
        "kind": c.kind.value,
        "section": c.section,
        "old_text": c.old_text,
        "new_text": c.new_text,
        "old_start": c.old.start if c.old else None,
        "old_end": c.old.end if c.old else None,
        "new_start": c.new.start if c.new else None,
        "new_end": c.new.end if c.new else None,
        "is_target": c.is_target,
        "target_tier": c.target_tier.value if c.target_tier is not None else None,
        "touches_target": c.touches_target,
    }
    return d


def comparison_to_dict(c: Comparison) -> dict[str, Any]:
    s = c.stats
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "old": report_info(c.old),
        "new": report_info(c.new),
        "stats": {
            "sentences_old": s.sentences_old,
            "sentences_new": s.sentences_new,
            "equal": s.equal,
            "changed": s.changed,
            "inserted": s.inserted,
            "deleted": s.deleted,
            "moved": s.moved,
            "chars_inserted": s.chars_inserted,
            "chars_deleted": s.chars_deleted,
            "similarity": s.similarity,
            "changes_by_kind": dict(s.changes_by_kind),
            "changes": len(c.changes),
        },
        "sections": [
            {
                "old_heading": m.old_heading,
                "new_heading": m.new_heading,
                "similarity": m.similarity,
                "status": m.status.value,
            }
            for m in c.sections
        ],
        "changes": [change_to_dict(ch) for ch in c.changes],
        "target_changes": [],
        "target_review": [],
        "phrases": {"added": [], "removed": [], "kept": []},
    }
    out["target_changes"] = [target_json.target_change_to_dict(t) for t in c.target_changes]
    out["target_review"] = [target_json.target_review_to_dict(t) for t in c.target_review]
    out["phrases"] = target_json.phrases_to_dict(c.phrases)
    out["hints"] = [target_json.hint_to_dict(h) for h in c.hints]
    out.update(_rows_and_counts(c))
    return out


def _rows_and_counts(c: Comparison) -> dict[str, Any]:
    """The one list of target rows and its counts, as the window and the review document show
    them: each row points into ``target_changes`` / ``target_review`` by index."""
    change_at = {id(tc): i for i, tc in enumerate(c.target_changes)}
    review_at = {id(tr): i for i, tr in enumerate(c.target_review)}
    rows = target_rows(c)
    counts = target_counts(c, rows)
    return {
        "target_rows": [
            {"indicator": r.indicator, "tier": r.tier.value, "change": r.kind.value, "headline": r.headline,
             "target_change": change_at.get(id(r.change)) if r.change is not None else None,
             "target_review": review_at.get(id(r.review)) if r.review is not None else None,
             "review_status": r.review.status.value if r.review is not None else None}
            for r in rows
        ],
        "target_counts": {
            "target_changes": counts.target_changes, "headline": counts.headline, "task": counts.task,
            "unmet": counts.unmet, "target_edits": counts.target_edits,
            "number_edits": counts.number_edits, "hints": counts.hints,
        },
    }
