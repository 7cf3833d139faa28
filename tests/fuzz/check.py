"""The properties one fuzz case must keep, checked in-process and through the real CLI.

In-process (fast, many cases per worker): loading, targets, ``compare(x, x)``,
``compare(base, x)`` with its invariants (``tests/engine/invariants.py``: the
document edit script rebuilds both texts), and the JSON forms.  A
``ReportDeskError`` is a proper refusal; any other exception is a crash, recorded
with its type and the innermost ``reportdesk`` frame.

Through the CLI (slow: one interpreter per run, so a sample only):
``python -m reportdesk compare BASE X --json -`` and ``targets X --json -`` under a
time limit and an address-space limit; the exit code is 0 or 2, and a 2 comes with
one "错误：" message and no traceback.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType

from tests.fuzz.generate import Case

REPO = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 2 * 1024**3
CASE_TIMEOUT = 20  # seconds; beyond it the case is a hang
CLI_TIMEOUT = 20


@dataclass
class Finding:
    kind: str  # "crash" | "hang" | "self_changes" | "edit_script" | "cli"
    what: str  # exception type or property
    where: str  # innermost reportdesk frame, or the CLI command
    detail: str


@dataclass
class Result:
    index: int
    mutation: str
    base_name: str
    seconds: float = 0.0
    loaded: bool = False
    refused: str = ""  # the LoadError detail when the input was refused
    findings: list[Finding] = field(default_factory=list)
    cli_runs: int = 0


class CaseTimeout(BaseException):  # BaseException: no `except Exception` in the engine swallows it
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise CaseTimeout()


def limit_memory() -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ValueError, OSError):
        pass


def where(tb: TracebackType | None) -> str:
    """The innermost frame in reportdesk (else the innermost frame at all)."""
    frames = traceback.extract_tb(tb)
    ours = [f for f in frames if f"{os.sep}reportdesk{os.sep}" in f.filename]
    f = (ours or frames or [None])[-1]
    if f is None:
        return "?"
    rel = f.filename.split(f"{os.sep}reportdesk{os.sep}", 1)[-1] if ours else Path(f.filename).name
    return f"{'reportdesk/' if ours else ''}{rel}:{f.lineno} {f.name}"


def write_inputs(case: Case, folder: Path) -> tuple[Path, Path]:
    x = folder / f"case{case.index}{case.suffix}"
    b = folder / f"base{case.index}{case.base_suffix}"
    x.write_bytes(case.data)
    b.write_bytes(case.base_data)
    return b, x


def check_in_process(case: Case, folder: Path, timeout: int = CASE_TIMEOUT) -> Result:
    from reportdesk.engine import (
        ReportDeskError,
        compare,
        comparison_to_dict,
        extract_targets,
        load_report,
        target_to_dict,
    )
    from tests.engine.invariants import check_invariants

    res = Result(case.index, case.mutation, case.base_name)
    base_path, path = write_inputs(case, folder)
    step = "load"
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    t0 = time.perf_counter()
    try:
        x = load_report(path)
        res.loaded = True
        step = "targets"
        json.dumps([target_to_dict(t) for t in extract_targets(x)], ensure_ascii=False)
        step = "compare(x, x)"
        same = compare(x, x)
        if same.changes:
            ch = same.changes[0]
            res.findings.append(Finding("self_changes", "compare(x, x) has changes", "compare",
                                        f"{len(same.changes)} changes, first {ch.kind}: {ch.old_text[:60]!r} → {ch.new_text[:60]!r}"))  # fmt: skip
        step = "load base"
        base = load_report(base_path)
        step = "compare(base, x)"
        c = compare(base, x)
        step = "invariants"
        try:
            check_invariants(c)
        except AssertionError as e:
            line = (traceback.extract_tb(e.__traceback__)[-1].line or "").strip()
            res.findings.append(Finding("edit_script", line[:70], where(e.__traceback__), repr(e)[:500]))
        step = "json"
        json.dumps(comparison_to_dict(c), ensure_ascii=False).encode("utf-8")
    except ReportDeskError as e:
        if step in ("load", "load base"):
            res.refused = e.detail[:200]
            if step == "load base":
                res.findings.append(Finding("crash", "base refused", "load base", e.detail))
        else:
            res.findings.append(Finding("crash", type(e).__name__, where(e.__traceback__), f"{step}: {e.detail}"))
    except CaseTimeout:
        res.findings.append(Finding("hang", f"over {timeout}s", step, f"timed out during {step}"))
    except RecursionError as e:
        res.findings.append(Finding("crash", "RecursionError", where(e.__traceback__), step))
    except Exception as e:  # noqa: BLE001 - that is what we are looking for
        res.findings.append(Finding("crash", type(e).__name__, where(e.__traceback__),
                                    f"{step}: {e!r}"[:300] + "\n" + "".join(traceback.format_tb(e.__traceback__)[-4:])))  # fmt: skip
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
        res.seconds = time.perf_counter() - t0
    return res


def run_cli(args: list[str], timeout: int = CLI_TIMEOUT) -> tuple[int | None, str, str, float]:
    t0 = time.perf_counter()
    try:
        p = subprocess.run(
            [sys.executable, "-m", "reportdesk", *args],
            capture_output=True, timeout=timeout, cwd=REPO, preexec_fn=limit_memory,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )  # fmt: skip
    except subprocess.TimeoutExpired as e:
        return None, "", (e.stderr or b"").decode("utf-8", "replace"), time.perf_counter() - t0
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), time.perf_counter() - t0


def cli_problem(rc: int | None, out: str, err: str) -> str:
    """What is wrong with one CLI run ('' when nothing)."""
    if rc is None:
        return "hang"
    if "Traceback" in err:
        return f"traceback (exit {rc}): " + err.strip().splitlines()[-1][:200]
    if rc == 2:
        return "" if err.startswith("错误：") else f"exit 2 without 错误： ({err[:100]!r})"
    if rc != 0:
        return f"exit {rc}: {err[-200:]!r}"
    try:
        json.loads(out)
    except ValueError:
        return "exit 0 but stdout is not JSON"
    return ""


def check_cli(case: Case, folder: Path, res: Result) -> None:
    base_path, path = write_inputs(case, folder)
    for args in (["compare", str(base_path), str(path), "--json", "-"], ["targets", str(path), "--json", "-"]):
        rc, out, err, _secs = run_cli(args)
        res.cli_runs += 1
        problem = cli_problem(rc, out, err)
        if problem:
            res.findings.append(Finding("cli", problem.split(" ", 1)[0].split(":")[0], args[0], problem))
