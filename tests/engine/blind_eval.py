"""Score target pairing and verdicts against the blind labels in tests/data/gold_blind.

    python -m tests.engine.blind_eval            # per pair and pooled
    python -m tests.engine.blind_eval --verbose  # every disagreement

A labelled change is found when some ``TargetChange`` has a figure whose span overlaps
the labelled quote (old side, else new side) — when several do (one quote giving a level and
a growth rate), the one with the labelled value; it is right when the kinds agree. A
labelled verdict is found through the target's quote the same way. Labels are the
labeller's reading, not the extractor's: disagreements are to be read, not all bugs.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reportdesk.engine import Report, Span, compare, load_report

TESTS = Path(__file__).resolve().parents[1]
BLIND = TESTS / "data" / "gold_blind"


@dataclass
class Score:
    changes: int = 0
    changes_found: int = 0
    changes_right: int = 0
    verdicts: int = 0
    verdicts_right: int = 0
    false_not_met: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("changes", "changes_found", "changes_right", "verdicts", "verdicts_right", "false_not_met"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses


def _span(report: Report, quote: str | None) -> Span | None:
    if not quote:
        return None
    at = report.text.find(quote)
    return None if at < 0 else Span(at, at + len(quote))


def _overlaps(figure: object, span: Span | None) -> bool:
    return span is not None and figure is not None and figure.span.overlaps(span)  # type: ignore[attr-defined]


def _values(entries: list[dict], key: str) -> dict[tuple[str, str], float]:
    """(quote, indicator) → labelled value: picks one figure among several sharing a quote."""
    return {(e["quote"], e["indicator"]): float(e["value"]) for e in entries if e.get(key) is not None}


def _pick(cands: list, want: list[tuple[str, float | None]], name: str) -> object:
    """Among figures overlapping one quote (达到240亿元，同比增长21%; 城乡…分别增长7.5%), the
    one with the labelled value, then the one whose name shares most with the label's."""
    def fits(hit: object) -> tuple[bool, int]:
        ok = all(v is None or (getattr(hit, side) is not None and float(getattr(hit, side).value) == v)
                 for side, v in want)
        return ok, len(set(name) & set(getattr(hit, "indicator", "")))
    return max(cands, key=fits) if cands else None


def score_pair(path: Path) -> Score:
    label = json.loads(path.read_text(encoding="utf-8"))
    old, new = load_report(TESTS / label["old"]), load_report(TESTS / label["new"])
    c = compare(old, new)
    olds, news = _values(label["main_targets_old"], "value"), _values(label["main_targets_new"], "value")
    s = Score()
    for ch in label["changes"]:
        s.changes += 1
        so, sn = _span(old, ch["old_quote"]), _span(new, ch["new_quote"])
        cands = [tc for tc in c.target_changes if _overlaps(tc.old, so) or _overlaps(tc.new, sn)]
        want = [("old", olds.get((ch["old_quote"], ch["indicator"]))),
                ("new", news.get((ch["new_quote"], ch["indicator"])))]
        hit = _pick(cands, [(side, v) for side, v in want if v is not None], ch["indicator"])
        if hit is None:
            s.misses.append(f"{path.stem} change {ch['indicator']}: not found (label {ch['change']})")
            continue
        s.changes_found += 1
        if str(hit.change) == ch["change"]:
            s.changes_right += 1
        else:
            s.misses.append(f"{path.stem} change {ch['indicator']}: {hit.change} ≠ label {ch['change']} ({hit.wording})")
    for v in label["verdicts"]:
        s.verdicts += 1
        quote = v.get("target_quote") or v.get("quote")
        st = _span(old, quote)
        cands = [r for r in c.target_review if _overlaps(r.target, st)]
        hit = _pick(cands, [("target", olds.get((quote, v["indicator"])))], v["indicator"])
        got = str(hit.status) if hit is not None else "not_reported"
        if got == v["status"]:
            s.verdicts_right += 1
        else:
            s.misses.append(f"{path.stem} verdict {v['indicator']}: {got} ≠ label {v['status']}")
            if got == "not_met":
                s.false_not_met += 1
    return s


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    total = Score()
    for path in sorted(BLIND.glob("*.json")):
        s = score_pair(path)
        total.add(s)
        print(f"{path.stem:24} changes found {s.changes_found}/{s.changes}, right {s.changes_right}; "
              f"verdicts right {s.verdicts_right}/{s.verdicts}, false 未完成 {s.false_not_met}")
    print(f"{'pooled':24} changes found {total.changes_found}/{total.changes}, right {total.changes_right} "
          f"({total.changes_right / max(total.changes, 1):.2f}); verdicts right "
          f"{total.verdicts_right}/{total.verdicts} ({total.verdicts_right / max(total.verdicts, 1):.2f}), "
          f"false 未完成 {total.false_not_met}")
    if args.verbose:
        print("\n".join(total.misses))
    kinds = Counter(m.split(":")[0].split()[1] for m in total.misses)
    print(dict(kinds))


if __name__ == "__main__":
    main()
