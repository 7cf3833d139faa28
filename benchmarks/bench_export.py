"""Speed of the review export: national 2024→2025 in each form (budget: both forms < 1 s).

Times ``build_document`` (XML) and ``export_review`` (XML + zip + atomic write)
separately; compare() is done once beforehand and not counted.  Prints
milliseconds per form, best of N.

    python benchmarks/bench_export.py [--corpus tests/corpus] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reportdesk.engine.comparison.pipeline import compare  # noqa: E402
from reportdesk.engine.load.loader import load_report  # noqa: E402
from reportdesk.export.docx_review import ExportOptions, build_document, export_review  # noqa: E402

BUDGET_MS = 1000


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO / "tests" / "corpus"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    old, new = load_report(corpus / "national/2024.txt"), load_report(corpus / "national/2025.txt")
    t = time.perf_counter()
    c = compare(old, new)
    print(f"compare national 2024→2025 (not counted): {(time.perf_counter() - t) * 1000:.0f} ms")
    print(
        f"{c.stats.chars_inserted} chars inserted, {c.stats.chars_deleted} deleted, {len(c.changes)} changes, {len(c.target_changes)} target changes"
    )
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        export_review(c, Path(tmp) / "first.docx", ExportOptions(form="both"))
        first = (time.perf_counter() - t) * 1000
        worst = first
        print(f"first export, both forms (cold): {first:.0f} ms")
        for form in ("tracked", "table", "both"):
            opts = ExportOptions(form=form)
            build = best_of(lambda opts=opts: build_document(c, opts), args.repeat)
            full = best_of(
                lambda opts=opts, form=form: export_review(
                    c, Path(tmp) / f"review-{form}.docx", opts
                ),
                args.repeat,
            )
            size = (Path(tmp) / f"review-{form}.docx").stat().st_size
            worst = max(worst, full)
            print(
                f"{form:8s} build {build:6.0f} ms   build+save {full:6.0f} ms   {size / 1024:.0f} KiB"
            )
    verdict = "OK" if worst < BUDGET_MS else "OVER BUDGET"
    print(f"slowest export {worst:.0f} ms (budget {BUDGET_MS} ms): {verdict}")
    return 0 if worst < BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
