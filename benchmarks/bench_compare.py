"""Speed of the engine against baselines run on the same machine, in the same run.

1. compare() cold (every cache emptied, fresh report objects) against a character diff of
   the same texts: difflib.SequenceMatcher(None, old, new, autojunk=False), what a naive
   tool does (and still gives character noise).  Runs alternate, medians of ``--repeat``;
   the ratio difflib/ours is per pair, higher is better.
2. The re-compares a window asks for: the same pair again with the older report kept
   (``exact``), and a keystroke: one character typed at a random place of the newer
   report (``--edits`` of them, seeded), median and p95.
3. The floors of a cold compare of national 2024->2025 that keeps jieba and diff-match-patch:
   jieba's own ``cut`` of exactly the text segments a cold compare hands it (each distinct
   one once), and diff-match-patch's ``diff_main`` + ``diff_cleanupSemantic`` on exactly
   the token strings of the sentence pairs that differ; with the ratio to difflib if all
   else were free (``--floors-only`` runs just this).
4. ``reportdesk compare A B`` as a whole process (interpreter start, imports, jieba's
   dictionary, reading, comparing, printing) against ``python -c pass``, and against
   itself with the helper process off (REPORTDESK_SERIAL=1): medians of ``--cli-runs``.

    python benchmarks/bench_compare.py [--corpus tests/corpus] [--repeat 3] [--edits 100]
                                       [--pairs national] [--cli-runs 7] [--floors-only]
"""

from __future__ import annotations

import argparse
import difflib
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reportdesk.engine import cache as engine_cache  # noqa: E402
from reportdesk.engine import phrases, report_from_text  # noqa: E402
from reportdesk.engine.align import aligner, dp, sections, vector  # noqa: E402
from reportdesk.engine.align import units as align_units  # noqa: E402
from reportdesk.engine.comparison.changes import touches_quantity  # noqa: E402
from reportdesk.engine.comparison.pipeline import compare  # noqa: E402
from reportdesk.engine.diff import inline as diff  # noqa: E402
from reportdesk.engine.load.loader import load_report  # noqa: E402
from reportdesk.engine.model import Report  # noqa: E402
from reportdesk.engine.targets import extract as target_extract  # noqa: E402
from reportdesk.engine.targets import numerals  # noqa: E402
from reportdesk.engine.text import tokenize  # noqa: E402


def machine() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",)
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, load {load[0]:.1f}, "
        f"Python {platform.python_version()}, numpy {vector.numpy().__version__}"
    )


def pairs(corpus: Path, only: str | None) -> list[tuple[str, Path, Path]]:
    out = [(f"national {y}->{y + 1}", corpus / "national" / f"{y}.txt", corpus / "national" / f"{y + 1}.txt") for y in range(2024, 2012, -1)]
    out += [(f"hailar {y}->{y + 1}", corpus / "hailar" / f"{y}.txt", corpus / "hailar" / f"{y + 1}.txt") for y in range(2018, 2011, -1)]
    out += [("sichuan 2025->2026", corpus / "sichuan" / "2025.txt", corpus / "sichuan" / "2026.txt")]
    out += [("national 2020 live", corpus / "national" / "2020.txt", corpus / "variants" / "national_2020_live_transcript.txt")]
    return [p for p in out if only is None or p[0].startswith(only)]


def empty_caches() -> None:
    """Everything a compare remembers by content: a cold compare starts from nothing."""
    tokenize._tokens_of.cache_clear()
    diff._diff_pieces.cache_clear()
    align_units.sentence_form.cache_clear()
    vector.gram_ids.cache_clear()
    vector._GRAM_IDS.clear()
    dp._CACHE.clear()
    aligner._LEFTOVER_CELLS.clear()
    aligner._RESCUE_CELLS.clear()
    sections._PROFILES.clear()
    phrases._paragraph_candidates.cache_clear()
    target_extract._at_zero.cache_clear()
    numerals.parse_number.cache_clear()
    touches_quantity.cache_clear()
    engine_cache.clear()


def cold_compare(old: Report, new: Report, seen: bool = False) -> None:
    """A first compare in a new process: nothing in memory; ``seen``: the pair was compared
    in an earlier run (its pieces are in the token store on disk)."""
    empty_caches()
    tokenize._store().enabled = seen
    try:
        compare(replace(old), replace(new))  # new objects: the per-report caches miss too
    finally:
        tokenize._store().enabled = True


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def cpu_timed(fn: Callable[[], object]) -> float:
    # CPU seconds of this process: less blurred than wall time when others share the cores
    t = time.process_time()
    fn()
    return time.process_time() - t


def p95(xs: list[float]) -> float:
    return sorted(xs)[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def bench_pairs(corpus: Path, only: str | None, repeat: int) -> None:
    print(
        f"\n{'pair':22} {'chars':>13} {'cold ms':>8} {'seen ms':>8} {'exact ms':>8} {'difflib ms':>10}"
        f" {'ratio':>6} {'seen':>6} {'cpu ratio':>9}"
    )
    ratios, seen_ratios, cpu_ratios = [], [], []
    for label, a, b in pairs(corpus, only):
        old, new = load_report(a), load_report(b)
        cold_compare(old, new, seen=True)  # leaves the pair's pieces in the store
        ours, seen, base, ours_cpu, base_cpu = [], [], [], [], []
        for _ in range(repeat):  # alternating, so a slower minute hurts both
            ours.append(timed(lambda o=old, n=new: cold_compare(o, n)))
            seen.append(timed(lambda o=old, n=new: cold_compare(o, n, seen=True)))
            base.append(timed(lambda o=old, n=new: difflib.SequenceMatcher(None, o.text, n.text, autojunk=False).get_opcodes()))
            ours_cpu.append(cpu_timed(lambda o=old, n=new: cold_compare(o, n)))
            base_cpu.append(cpu_timed(lambda o=old, n=new: difflib.SequenceMatcher(None, o.text, n.text, autojunk=False).get_opcodes()))
        compare(old, new)
        exact = statistics.median(timed(lambda o=old, n=new: compare(o, replace(n))) for _ in range(repeat))
        m_ours, m_seen, m_base = statistics.median(ours), statistics.median(seen), statistics.median(base)
        ratios.append(m_base / m_ours)
        seen_ratios.append(m_base / m_seen)
        cpu_ratios.append(statistics.median(base_cpu) / statistics.median(ours_cpu))
        print(
            f"{label:22} {len(old.text):6}/{len(new.text):6} {1000 * m_ours:8.0f} {1000 * m_seen:8.0f} {1000 * exact:8.0f}"
            f" {1000 * m_base:10.0f} {ratios[-1]:6.1f} {seen_ratios[-1]:6.1f} {cpu_ratios[-1]:9.1f}"
        )
    print(
        f"median ratio difflib/ours over {len(ratios)} pairs: cold {statistics.median(ratios):.1f}x, "
        f"pair seen before {statistics.median(seen_ratios):.1f}x, cold by CPU time {statistics.median(cpu_ratios):.1f}x"
    )


def bench_keystrokes(corpus: Path, edits: int) -> None:
    old = load_report(corpus / "national" / "2024.txt")
    new = load_report(corpus / "national" / "2025.txt")
    compare(old, new)
    rng = random.Random(12)
    times = []
    for _ in range(edits):
        pos = rng.randrange(new.body_start, len(new.text))
        draft = report_from_text(new.text[:pos] + "改" + new.text[pos:], path="draft.txt")
        times.append(timed(lambda d=draft: compare(old, d)))
    print(
        f"\nkeystroke re-compare, national 2024->2025, {edits} one-character edits at random places "
        f"(older report kept, caches warm): median {1000 * statistics.median(times):.0f} ms, "
        f"p95 {1000 * p95(times):.0f} ms"
    )


def _recorded_calls(old: Report, new: Report) -> tuple[list[str], list[tuple[str, str]]]:
    """One cold compare, recording the text segments given to jieba's ``cut`` and the
    top-level ``diff_main`` calls (encoded token strings) of the inline diff."""
    segments: list[str] = []
    dmp_calls: list[tuple[str, str]] = []
    depth = [0]
    cut, diff_main = tokenize._cut, diff._DMP.diff_main

    def cut_rec(tk: object, text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
        segments.append(text[start:end])
        cut(tk, text, start, end, out)

    def diff_rec(a: str, b: str, *rest: object) -> object:
        if depth[0] == 0:
            dmp_calls.append((a, b))
        depth[0] += 1
        try:
            return diff_main(a, b, *rest)
        finally:
            depth[0] -= 1

    tokenize._cut = cut_rec
    diff._DMP.diff_main = diff_rec
    try:
        cold_compare(old, new)
    finally:
        tokenize._cut = cut
        del diff._DMP.diff_main  # the class's method again
    return segments, dmp_calls


def bench_floors(corpus: Path, repeat: int) -> None:
    """What any design keeping jieba and diff-match-patch pays on national 2024->2025."""
    import diff_match_patch

    old = load_report(corpus / "national" / "2024.txt")
    new = load_report(corpus / "national" / "2025.txt")
    segments, dmp_calls = _recorded_calls(old, new)
    distinct = list(dict.fromkeys(segments))
    tk = tokenize._JIEBA.get()
    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0

    def jieba_floor() -> None:
        for s in distinct:
            for _ in tk.cut(s, HMM=True):
                pass

    def jieba_whole() -> None:
        for r in (old, new):
            for _ in tk.cut(r.text, HMM=True):
                pass

    def dmp_floor() -> None:
        for a, b in dmp_calls:
            dmp.diff_cleanupSemantic(dmp.diff_main(a, b, False))

    def base() -> None:
        difflib.SequenceMatcher(None, old.text, new.text, autojunk=False).get_opcodes()

    runs: dict[str, list[float]] = {"ours": [], "jieba": [], "whole": [], "dmp": [], "difflib": []}
    for _ in range(max(repeat, 3)):  # alternating
        runs["ours"].append(timed(lambda: cold_compare(old, new)))
        runs["jieba"].append(timed(jieba_floor))
        runs["whole"].append(timed(jieba_whole))
        runs["dmp"].append(timed(dmp_floor))
        runs["difflib"].append(timed(base))
    m = {k: 1000 * min(v) for k, v in runs.items()}  # the minimum: a floor, least blurred by load
    chars = sum(map(len, distinct))
    print(f"\nfloors of a cold compare, national 2024->2025 (minimum of {max(repeat, 3)} runs, alternating):")
    print(f"  jieba cut of the {len(distinct)} distinct segments it must cut ({chars} chars): {m['jieba']:.0f} ms"
          f" (both whole texts in one call each: {m['whole']:.0f} ms)")
    print(f"  diff-match-patch on the {len(dmp_calls)} sentence pairs that differ (diff + semantic cleanup): {m['dmp']:.0f} ms")
    floor = m["jieba"] + m["dmp"]
    print(f"  cold compare {m['ours']:.0f} ms, of it the floors {floor:.0f} ms, the rest {m['ours'] - floor:.0f} ms;"
          f" difflib {m['difflib']:.0f} ms")
    print(f"  ratio difflib/ours {m['difflib'] / m['ours']:.1f}x now; {m['difflib'] / floor:.1f}x if all but the floors"
          f" were free; 10x needs ≤ {m['difflib'] / 10:.0f} ms")


def bench_cli(corpus: Path, runs: int) -> None:
    old, new = corpus / "national" / "2024.txt", corpus / "national" / "2025.txt"
    cmd = [sys.executable, "-m", "reportdesk", "compare", str(old), str(new)]
    variants = {
        "python -c pass": ([sys.executable, "-c", "pass"], {}),
        "first time (no token store)": (cmd, {"REPORTDESK_NO_TOKEN_CACHE": "1"}),
        "... and no helper process": (cmd, {"REPORTDESK_NO_TOKEN_CACHE": "1", "REPORTDESK_SERIAL": "1"}),
        "pair seen before": (cmd, {}),
    }
    subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, check=True)  # the pair is seen
    walls: dict[str, list[float]] = {k: [] for k in variants}
    cpus: dict[str, list[float]] = {k: [] for k in variants}
    for _ in range(runs):  # alternating
        for name, (argv, extra) in variants.items():
            env = {**os.environ, **extra}
            before = _children_cpu()
            t = time.perf_counter()
            subprocess.run(argv, cwd=REPO, env=env, stdout=subprocess.DEVNULL, check=True)
            walls[name].append(time.perf_counter() - t)
            cpus[name].append(_children_cpu() - before)
    print(f"\nreportdesk compare national 2024->2025 (summary) as a whole process, median of {runs} (alternating):")
    for name, xs in walls.items():
        m = statistics.median(xs)
        print(
            f"  {name:30} wall {1000 * m:5.0f} ms (min {1000 * min(xs):.0f}, max {1000 * max(xs):.0f}),"
            f" cpu {1000 * statistics.median(cpus[name]):5.0f} ms (helper included)"
        )


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO / "tests" / "corpus"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--edits", type=int, default=100)
    ap.add_argument("--pairs", default=None, help="only pairs whose label starts so (national, hailar …)")
    ap.add_argument("--cli-runs", type=int, default=7)
    ap.add_argument("--floors-only", action="store_true", help="only the floors (section 3)")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    print(machine())
    t = time.perf_counter()
    tokenize.warm_up()
    print(f"jieba dictionary load (cached in {tokenize.cache_dir()}): {1000 * (time.perf_counter() - t):.0f} ms")
    if args.floors_only:
        bench_floors(corpus, args.repeat)
        return 0
    bench_pairs(corpus, args.pairs, args.repeat)
    bench_floors(corpus, args.repeat)
    bench_keystrokes(corpus, args.edits)
    bench_cli(corpus, args.cli_runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
