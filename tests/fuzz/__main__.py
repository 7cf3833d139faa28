"""``python -m tests.fuzz --n 10000 [--seed S] [--jobs 2] [--out DIR] [--case I ...]``.

Prints the counts (inputs, crashes by exception type and location, hangs, slowest
inputs, compare(x, x) and edit-script violations, CLI problems) and writes every
failing input, its base and a failures.json with reproduction commands to ``--out``.
Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.fuzz.run import run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    ap.add_argument("--n", type=int, default=1000, help="number of inputs (cases 0..n-1)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (at most 2)")
    ap.add_argument("--cli-every", type=int, default=50, help="every k-th case also runs the CLI (0: never)")
    ap.add_argument("--case", type=int, nargs="*", help="only these case numbers (to reproduce)")
    ap.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="folder for failing inputs")
    ap.add_argument("--timeout", type=int, default=20, help="seconds per input before it counts as a hang")
    ap.add_argument("--quiet", action="store_true", help="no progress lines")
    args = ap.parse_args(argv)
    summary = run(args.n, args.seed, args.jobs, args.cli_every, args.case, log=not args.quiet, timeout=args.timeout)
    print(summary.report())
    failed = summary.save_failures(args.out / f"seed{args.seed}")
    if failed:
        print(f"{failed} failing inputs written to {args.out / f'seed{args.seed}'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
