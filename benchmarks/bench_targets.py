"""Target extraction over all 13 national reports: time per report.

Run: ``python benchmarks/bench_targets.py [--repeat N]``.  Loading (file, normalize,
structure) is timed apart from extraction, which is what the budget is about
(well under 200 ms per national report).  Also times matching, review and the
13-year series once, and phrases (the first call includes jieba's dictionary load).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reportdesk.engine import cache as engine_cache  # noqa: E402
from reportdesk.engine.load.loader import load_report  # noqa: E402
from reportdesk.engine.model import FigureKind  # noqa: E402
from reportdesk.engine.phrases import compare_phrases  # noqa: E402
from reportdesk.engine.targets import extract as target_extract  # noqa: E402
from reportdesk.engine.targets.extract import extract_targets  # noqa: E402
from reportdesk.engine.targets.match import match_targets, review_targets  # noqa: E402
from reportdesk.engine.targets.series import target_series  # noqa: E402


def forget_extractions() -> None:
    engine_cache.clear()
    target_extract._at_zero.cache_clear()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=REPO / "tests" / "corpus")
    ap.add_argument("--repeat", type=int, default=5, help="extraction runs per report (best is shown)")
    args = ap.parse_args()
    files = sorted((args.corpus / "national").glob("*.txt"))
    if not files:
        print(f"no reports under {args.corpus / 'national'}", file=sys.stderr)
        return 2
    print(f"{'report':<10}{'chars':>8}{'load ms':>10}{'extract ms':>12}{'all':>6}{'targets':>9}{'actuals':>9}")
    reports = []
    worst = 0.0
    total = 0.0
    for f in files:
        t0 = time.perf_counter()
        r = load_report(f)
        load_ms = (time.perf_counter() - t0) * 1000
        best = float("inf")
        for _ in range(args.repeat):
            fresh = dataclasses.replace(r)  # extraction is kept per report object: time a new one
            forget_extractions()  # ... and by content, the whole report's and each sentence's
            t0 = time.perf_counter()
            found = extract_targets(fresh)
            best = min(best, time.perf_counter() - t0)
        ms = best * 1000
        worst, total = max(worst, ms), total + ms
        n_t = sum(t.kind is FigureKind.TARGET for t in found)
        n_a = sum(t.kind is FigureKind.ACTUAL for t in found)
        print(f"{f.stem:<10}{len(r.text):>8}{load_ms:>10.1f}{ms:>12.1f}{len(found):>6}{n_t:>9}{n_a:>9}")
        reports.append(r)
    print(f"extraction: mean {total / len(files):.1f} ms, worst {worst:.1f} ms per report (budget 200 ms)")

    forget_extractions()  # match and review extract both reports, as before the content caches
    t0 = time.perf_counter()
    match_targets(reports[-2], reports[-1])
    review_targets(reports[-2], reports[-1])
    print(f"match + review {reports[-2].year}->{reports[-1].year}: {(time.perf_counter() - t0) * 1000:.1f} ms")
    t0 = time.perf_counter()
    s = target_series(reports)
    print(f"series over {len(reports)} reports: {(time.perf_counter() - t0) * 1000:.1f} ms, {len(s.rows)} indicators")
    for label in ("first, with jieba load", "again"):
        t0 = time.perf_counter()
        compare_phrases(reports[-2], reports[-1])
        print(f"phrases {label}: {(time.perf_counter() - t0) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
