"""Run many fuzz cases on a small pool of worker processes and summarise what broke.

Each worker limits its address space, warms jieba once, then checks cases in-process
(``check.check_in_process``); every ``cli_every``-th case also goes through the real
CLI in a subprocess.  A case that stops a worker dead (a hang in C code, a crash of
the interpreter) is caught by the parent's watchdog: the pool is restarted and the
case recorded as a hang.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tests.fuzz.check import (
    CASE_TIMEOUT,
    CLI_TIMEOUT,
    Finding,
    Result,
    check_cli,
    check_in_process,
    limit_memory,
)
from tests.fuzz.generate import make_case

_folder: Path | None = None
_progress: Path | None = None


def _init(progress_dir: str) -> None:
    global _folder, _progress
    limit_memory()
    _folder = Path(tempfile.mkdtemp(prefix="inputs-", dir=progress_dir))
    _progress = Path(progress_dir) / f"worker-{os.getpid()}"
    from reportdesk.engine import warm_up_tokenizer

    warm_up_tokenizer()


def _work(task: tuple[int, int, bool, int]) -> Result:
    seed, index, cli, timeout = task
    assert _folder is not None and _progress is not None
    _progress.write_text(str(index))
    case = make_case(seed, index)
    res = check_in_process(case, _folder, timeout)
    if cli:
        check_cli(case, _folder, res)
    for f in _folder.iterdir():
        f.unlink()
    _progress.write_text("")
    return res


@dataclass
class Summary:
    seed: int
    results: list[Result] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def findings(self) -> list[tuple[Result, Finding]]:
        return [(r, f) for r in self.results for f in r.findings]

    def of(self, *kinds: str) -> list[tuple[Result, Finding]]:
        return [(r, f) for r, f in self.findings if f.kind in kinds]

    def report(self, top: int = 10) -> str:
        rs = self.results
        lines = [
            f"seed {self.seed}: {len(rs)} inputs in {self.seconds:.0f} s; "
            f"{sum(r.loaded for r in rs)} loaded, {sum(bool(r.refused) for r in rs)} refused (LoadError), "
            f"{sum(r.cli_runs for r in rs)} CLI runs",
        ]
        for title, kinds in (("crashes", ("crash",)), ("hangs", ("hang",)), ("compare(x, x) violations", ("self_changes",)),
                             ("edit-script violations", ("edit_script",)), ("CLI problems", ("cli",))):  # fmt: skip
            found = self.of(*kinds)
            lines.append(f"{title}: {len(found)}")
            by = Counter((f.what, f.where) for _r, f in found)
            for (what, where), n in by.most_common():
                example = next(r.index for r, f in found if (f.what, f.where) == (what, where))
                lines.append(f"  {n:5d}  {what} at {where}   (e.g. case {example})")
        lines.append(f"slowest {top}:")
        for r in sorted(rs, key=lambda r: -r.seconds)[:top]:
            lines.append(f"  {r.seconds:6.2f} s  case {r.index}  {r.mutation}  ({r.base_name})")
        return "\n".join(lines)

    def save_failures(self, folder: Path) -> int:
        """Each failing input (and its base) into ``folder``, with failures.json describing them."""
        folder.mkdir(parents=True, exist_ok=True)
        listing = []
        for r in self.results:
            if not r.findings:
                continue
            case = make_case(self.seed, r.index)
            x = folder / f"case{r.index}{case.suffix}"
            b = folder / f"case{r.index}-base{case.base_suffix}"
            x.write_bytes(case.data)
            b.write_bytes(case.base_data)
            listing.append({
                "case": r.index, "mutation": r.mutation, "base": r.base_name, "input": x.name,
                "base_input": b.name, "seconds": round(r.seconds, 2),
                "findings": [asdict(f) for f in r.findings],
                "repro": f"python -m reportdesk compare {b} {x} --json -",
                "rerun": f"python -m tests.fuzz --seed {self.seed} --case {r.index}",
            })  # fmt: skip
        (folder / "failures.json").write_text(json.dumps(listing, ensure_ascii=False, indent=1), "utf-8")
        return len(listing)


def run(
    n: int, seed: int = 0, jobs: int = 2, cli_every: int = 50, indices: Iterable[int] | None = None,
    log: bool = False, timeout: int = CASE_TIMEOUT,
) -> Summary:  # fmt: skip
    """Check cases ``indices`` (default ``range(n)``) of ``seed`` on ``jobs`` (≤ 2) workers."""
    jobs = max(1, min(2, jobs))
    todo = list(range(n) if indices is None else indices)
    summary = Summary(seed)
    t0 = time.perf_counter()
    watchdog = timeout * 3 + (CLI_TIMEOUT * 2 if cli_every else 0) + 30
    progress = Path(tempfile.mkdtemp(prefix="rd-fuzz-progress-"))
    done: set[int] = set()
    try:
        while len(done) < len(todo):
            tasks = [(seed, i, bool(cli_every) and i % cli_every == 0, timeout) for i in todo if i not in done]
            ctx = mp.get_context("fork")
            pool = ctx.Pool(jobs, _init, (str(progress),), maxtasksperchild=500)
            try:
                it = pool.imap_unordered(_work, tasks, chunksize=1)
                while len(done) < len(todo):
                    try:
                        res = it.next(timeout=watchdog)
                    except mp.TimeoutError:
                        for w in progress.iterdir():
                            cur = w.read_text().strip()
                            if cur and int(cur) not in done:
                                case = make_case(seed, int(cur))
                                res = Result(case.index, case.mutation, case.base_name, seconds=float(watchdog))
                                res.findings.append(Finding("hang", "worker stuck", "watchdog",
                                                            f"no answer in {watchdog}s (or the worker died)"))  # fmt: skip
                                summary.results.append(res)
                                done.add(case.index)
                            w.unlink()
                        break
                    done.add(res.index)
                    summary.results.append(res)
                    if log and (len(done) % 200 == 0 or res.findings):
                        flag = "; ".join(f"{f.kind} {f.what} at {f.where}" for f in res.findings)
                        print(f"[{len(done)}/{len(todo)} {time.perf_counter() - t0:.0f}s] case {res.index} {flag}", flush=True)
            finally:
                pool.terminate()
                pool.join()
    finally:
        shutil.rmtree(progress, ignore_errors=True)
    summary.results.sort(key=lambda r: r.index)
    summary.seconds = time.perf_counter() - t0
    return summary
