"""Kill -9 harness for the draft and the export: ``python benchmarks/kill_harness.py --kills 100``.

Starts the real main window (offscreen) in a child process again and again.  Each
child restores what the last one left (answering "yes" to the recovery question),
then types numbered marker words into the draft, autosaves every ``--interval``
seconds, exports the review document and saves the draft (.txt and .docx) in a
loop, until the harness SIGKILLs its whole process group (the window and its
engine process) at a random moment: half the kills while typing, half aimed
inside a write (``os.fsync`` is slowed in the children, so a kill lands between
writing a temporary file and renaming it).

After every kill the next child starts (its start-up clean-up runs, the draft is
restored) and the harness counts:

* words lost beyond one autosave interval: markers typed more than ``interval``
  (strict) / ``interval`` + the slowed write (allowing for the write the kill
  interrupted) before the kill that the restored draft lacks;
* corrupt files: a review or draft .docx that is not a whole zip python-docx
  opens, a draft .txt that is not exactly one of the texts a save began;
* files left behind after the next start: temporary files beside the outputs or
  in the data folder, journal entries, autosave locks other than the live
  window's, autosaved drafts not taken back.

Prints the figures (``--json`` for a machine-readable line).  Linux/macOS only
(process groups, SIGKILL).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SLOW_FSYNC_ENV = "KILL_HARNESS_SLOW_FSYNC"  # "seconds:path of the fsync log" in the children
OUTPUTS = ("review.docx", "draft.txt", "draft.docx")


def _slow_fsync() -> None:
    """In the children (the window and, imported as __mp_main__, its engine process): slow fsync."""
    spec = os.environ.get(SLOW_FSYNC_ENV)
    if not spec:
        return
    delay, log_path = spec.split(":", 1)
    real = os.fsync

    def fsync(fd: int) -> None:
        with open(log_path, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {time.time():.3f}\n")
        time.sleep(float(delay))
        real(fd)

    os.fsync = fsync


_slow_fsync()


# ====================================================================== the child
def child(work: Path, run: int, interval: int, seed: int) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reportdesk.gui import guard_none_refcount

    guard_none_refcount()
    app = QApplication([])
    from reportdesk import gui
    from reportdesk.app.settings import Settings
    from reportdesk.export.draft_txt import txt_bytes
    from reportdesk.ui.main_window import MainWindow

    state, out = work / "state", work / "out"
    asked: list[str] = []
    btn = QMessageBox.StandardButton

    def box(kind: str, answer: QMessageBox.StandardButton):  # noqa: ANN202
        def show(_parent: object, _title: str, text: str, *_a: object, **_k: object) -> QMessageBox.StandardButton:
            asked.append(f"{kind}: {text}")
            with open(state / "boxes.log", "a", encoding="utf-8") as fh:
                fh.write(f"run {run} {kind}: {text!r}\n")
            return answer
        return staticmethod(show)

    QMessageBox.question = box("question", btn.Yes)  # type: ignore[method-assign]
    QMessageBox.warning = box("warning", btn.Discard)  # type: ignore[method-assign]
    QMessageBox.critical = box("critical", btn.Ok)  # type: ignore[method-assign]
    QMessageBox.information = box("information", btn.Ok)  # type: ignore[method-assign]

    from reportdesk.app import cleanup

    cleanup.journal(work / "data")  # as gui.main: before the window starts the engine process
    w = MainWindow(Settings.from_ini(work / "settings.ini"), work / "data")
    w.autosaver.set_interval(interval)
    w.show()
    drafts = [p for p in (out / "draft.txt", out / "draft.docx") if p.exists()]
    newest = max(drafts, key=lambda p: p.stat().st_mtime_ns) if drafts else work / "in" / "new.txt"
    gui._start(w, [str(work / "in" / "old.txt"), str(newest)])
    deadline = time.monotonic() + 120
    while not w.is_settled():
        app.processEvents()
        time.sleep(0.005)
        if time.monotonic() > deadline:
            return 4
    ready = {"run": run, "pid": os.getpid(), "restored": any("question" in a for a in asked),
             "opened": str(newest), "text": w.view.new_text(), "lock": str(w.autosaver.path.with_suffix(".lock")),
             "autosave": str(w.autosaver.path)}
    (state / f"ready-{run}.json").write_text(json.dumps(ready, ensure_ascii=False), encoding="utf-8")
    go = state / f"go-{run}"
    while not go.exists():
        app.processEvents()
        time.sleep(0.01)

    rnd = random.Random(seed * 1000 + run)
    typed = open(state / "typed.log", "a", encoding="utf-8")  # noqa: SIM115 - open until killed
    intents = open(state / "intents.log", "a", encoding="utf-8")  # noqa: SIM115
    seq = [0]

    def type_marker() -> None:
        ed = w.view.new_editor()
        cur = ed.textCursor()
        cur.movePosition(QTextCursor.MoveOperation.End)
        n = seq[0]
        word = f"r{run}w{n}x"
        text = ("\n" if n == 0 else "") + word + ("。" if n % 8 == 7 else " ")
        cur.insertText(text)
        ed.setTextCursor(cur)
        typed.write(f"{run} {n} {word} {time.time():.3f}\n")
        typed.flush()
        seq[0] += 1

    def export_when_settled(tries: int = 0) -> None:
        if not w.is_settled() and tries < 200:
            QTimer.singleShot(20, lambda: export_when_settled(tries + 1))
            return
        w.files.export(str(out / "review.docx"), {"form": rnd.choice(["tracked", "both"]), "author": "kill"})
        typing.start(120)
        QTimer.singleShot(rnd.randint(300, 1200), act)

    def act() -> None:
        choice = rnd.random()
        if choice < 0.4:
            if w.session.comparison is not None and not w.runner.is_busy("export"):
                typing.stop()  # the clerk stops typing to export: what is on screen is compared first
                export_when_settled()
                return
        else:
            path = out / ("draft.txt" if choice < 0.7 else "draft.docx")
            text = w.view.new_text()
            if path.suffix == ".txt":
                opened = w.session.new_report.encoding if w.session.new_report else None  # as the save keeps it
                intents.write(hashlib.sha256(txt_bytes(text, opened)).hexdigest() + "\n")
                intents.flush()
            w.session.save_path = str(path)
            w.files.save()
        QTimer.singleShot(rnd.randint(300, 1200), act)

    typing = QTimer()
    typing.timeout.connect(type_marker)
    typing.start(120)
    QTimer.singleShot(rnd.randint(100, 800), act)
    app.exec()
    return 0


# ====================================================================== the harness
@dataclass
class Figures:
    kills: int = 0
    in_write_kills: int = 0
    restored: int = 0
    markers_typed: int = 0
    words_lost_beyond_interval: int = 0  # strict: older than one interval at the kill
    words_lost_beyond_interval_and_write: int = 0  # older than interval + the slowed write
    words_lost_within_interval: int = 0  # allowed: typed in the last interval
    corrupt_files: int = 0
    left_by_kills: int = 0  # temp files and stale locks right after the kills (before the next start)
    leftovers_after_start: int = 0  # what the next start's clean-up did not remove
    problems: list[str] = field(default_factory=list)


def _prepare(work: Path, old: Path, new: Path, chars: int) -> None:
    for sub in ("in", "out", "state", "data"):
        (work / sub).mkdir(parents=True, exist_ok=True)
    for src, name in ((old, "old.txt"), (new, "new.txt")):
        text = src.read_text(encoding="utf-8")
        if chars and len(text) > chars:
            cut = text.rfind("\n", 0, chars)
            text = text[: cut if cut > 0 else chars]
        (work / "in" / name).write_text(text, encoding="utf-8")


def _group_gone(pgid: int, timeout: float = 10.0) -> bool:
    """Wait until no live (non-zombie) process of the group is left."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = False
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                raw = stat.read_text()
            except OSError:
                continue
            fields = raw[raw.rfind(")") + 2:].split()
            if len(fields) > 2 and fields[2] == str(pgid) and fields[0] not in ("Z", "X"):
                alive = True
                break
        if not alive:
            return True
        time.sleep(0.05)
    return False


def _leftovers(work: Path, ready: dict[str, object] | None) -> list[str]:
    """Temp files, journal entries, stale locks and drafts not taken back (the live window's own excepted)."""
    found: list[str] = []
    for p in (work / "out").iterdir():
        if p.name not in OUTPUTS:
            found.append(f"out/{p.name}")
    auto = work / "data" / "autosave"
    own = {str(ready["lock"]), str(ready["autosave"])} if ready else set()
    if auto.is_dir():
        for p in auto.iterdir():
            if str(p) not in own:
                found.append(f"autosave/{p.name}")
    journal = work / "data" / "inflight"
    if journal.is_dir():
        found += [f"inflight/{p.name}" for p in journal.iterdir()]
    return found


def _debris(work: Path) -> int:
    """Right after a kill: temp files, journal entries and autosave locks without a draft."""
    n = sum(1 for p in (work / "out").iterdir() if p.name.endswith(".tmp"))
    auto = work / "data" / "autosave"
    if auto.is_dir():
        n += sum(1 for p in auto.iterdir() if p.name.endswith(".tmp"))
        n += sum(1 for p in auto.glob("*.lock") if not p.with_suffix(".json").exists())
    journal = work / "data" / "inflight"
    return n + (sum(1 for _ in journal.iterdir()) if journal.is_dir() else 0)


def _check_outputs(work: Path, intents: set[str]) -> list[str]:
    from docx import Document

    bad: list[str] = []
    for name in OUTPUTS:
        p = work / "out" / name
        if not p.exists():
            continue
        if p.suffix == ".txt":
            if hashlib.sha256(p.read_bytes()).hexdigest() not in intents:
                bad.append(f"{name}: not a whole saved text")
            continue
        try:
            with zipfile.ZipFile(p) as z:
                if z.testzip() is not None:
                    raise zipfile.BadZipFile("crc")
            Document(str(p))
        except Exception as exc:  # noqa: BLE001 - any failure to open is corruption
            bad.append(f"{name}: {type(exc).__name__}: {exc}")
    return bad


def _start_child(work: Path, run: int, args: argparse.Namespace) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           SLOW_FSYNC_ENV: f"{args.slow_fsync}:{work / 'state' / 'fsync.log'}"}
    env.pop("REPORTDESK_TEMP_JOURNAL", None)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(work), str(run),
           "--interval", str(args.interval), "--seed", str(args.seed)]
    log = open(work / "state" / f"child-{run}.log", "wb")  # noqa: SIM115 - the child writes it
    try:
        return subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                cwd=str(ROOT))
    finally:
        log.close()


def _wait_ready(proc: subprocess.Popen[bytes], path: Path, timeout: float) -> dict[str, object] | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            try:
                return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
            except ValueError:
                pass  # being written
        if proc.poll() is not None:
            return None
        time.sleep(0.02)
    return None


def _typed(work: Path) -> list[tuple[int, str, float]]:
    p = work / "state" / "typed.log"
    if not p.exists():
        return []
    out = []
    for line in p.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 4:
            out.append((int(parts[0]), parts[2], float(parts[3])))
    return out


def _fsync_lines(work: Path) -> int:
    p = work / "state" / "fsync.log"
    return len(p.read_text(encoding="utf-8").splitlines()) if p.exists() else 0


def _kill(proc: subprocess.Popen[bytes], work: Path, rnd: random.Random, args: argparse.Namespace) -> tuple[float, bool]:
    """Let the child work, then SIGKILL its group; returns (kill time, aimed inside a write)."""
    in_write = rnd.random() < 0.5
    start = time.monotonic()
    if in_write:
        base = _fsync_lines(work)
        skip = rnd.randint(0, 6)  # not always the first write
        while time.monotonic() - start < 15 and _fsync_lines(work) <= base + skip and proc.poll() is None:
            time.sleep(0.005)
        time.sleep(rnd.uniform(0, args.slow_fsync * 0.8))
    else:
        time.sleep(rnd.uniform(0.3, args.max_run))
    killed_at = time.time()
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
    if not _group_gone(proc.pid):
        print(f"warning: processes of group {proc.pid} still alive", file=sys.stderr)
    return killed_at, in_write


def run(args: argparse.Namespace) -> Figures:
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="reportdesk-kill-"))
    _prepare(work, Path(args.old), Path(args.new), args.chars)
    rnd = random.Random(args.seed)
    fig = Figures()
    allowance = args.interval + args.slow_fsync + args.slack
    lost: set[str] = set()
    ready: dict[str, object] | None = None
    pending_kill: tuple[float, int] | None = None  # (kill time, run) whose survivor the next start shows
    for n in range(args.kills + 1):
        proc = _start_child(work, n, args)
        ready = _wait_ready(proc, work / "state" / f"ready-{n}.json", args.start_timeout)
        if ready is None:
            os.killpg(proc.pid, signal.SIGKILL) if proc.poll() is None else None
            proc.wait()
            log = (work / "state" / f"child-{n}.log").read_text(encoding="utf-8", errors="replace")
            raise SystemExit(f"child {n} did not start (see {work}/state/child-{n}.log):\n{log[-3000:]}")
        fig.restored += bool(ready["restored"])
        leftovers = _leftovers(work, ready)
        if leftovers:
            fig.leftovers_after_start += len(leftovers)
            fig.problems.append(f"after start {n}: left {leftovers}")
        if pending_kill is not None:
            killed_at, _ = pending_kill
            text = str(ready["text"])
            for _run, word, t in _typed(work):
                if word in lost or word in text:
                    continue
                age = killed_at - t
                if age > args.interval:
                    lost.add(word)
                    fig.words_lost_beyond_interval += 1
                    fig.words_lost_beyond_interval_and_write += age > allowance
                    fig.problems.append(f"kill {n}: lost {word} typed {age:.2f}s before the kill")
                else:
                    fig.words_lost_within_interval += 1
                    lost.add(word)
        if n == args.kills:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
            _group_gone(proc.pid)
            break
        (work / "state" / f"go-{n}").touch()
        killed_at, in_write = _kill(proc, work, rnd, args)
        fig.kills += 1
        fig.in_write_kills += in_write
        pending_kill = (killed_at, n)
        fig.left_by_kills += _debris(work)
        intents_path = work / "state" / "intents.log"
        intents = set(intents_path.read_text().split()) if intents_path.exists() else set()
        bad = _check_outputs(work, intents)
        if bad:
            fig.corrupt_files += len(bad)
            fig.problems.append(f"kill {n}: corrupt {bad}")
        if not args.quiet:
            print(f"kill {n + 1}/{args.kills}{' (in a write)' if in_write else ''}: "
                  f"restored={ready['restored']} lost>{args.interval}s={fig.words_lost_beyond_interval} "
                  f"corrupt={fig.corrupt_files} leftovers={fig.leftovers_after_start}", flush=True)
    fig.markers_typed = len(_typed(work))
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return fig


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus = ROOT / "tests" / "corpus" / "national"
    p.add_argument("--kills", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--interval", type=int, default=1, help="autosave interval in seconds")
    p.add_argument("--slow-fsync", type=float, default=0.15, help="seconds each fsync sleeps in the children")
    p.add_argument("--max-run", type=float, default=4.0, help="longest time before a random kill")
    p.add_argument("--slack", type=float, default=0.0,
                   help="extra seconds allowed for a late timer on a loaded machine (the test suite's run)")
    p.add_argument("--old", default=str(corpus / "2024.txt"))
    p.add_argument("--new", default=str(corpus / "2025.txt"))
    p.add_argument("--chars", type=int, default=0, help="cut the reports to about this many characters")
    p.add_argument("--start-timeout", type=float, default=120.0)
    p.add_argument("--work", help="working folder (default: a new temporary one, removed at the end)")
    p.add_argument("--keep", action="store_true", help="keep the temporary working folder")
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    p.add_argument("--child", nargs=2, metavar=("WORK", "RUN"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        return child(Path(args.child[0]), int(args.child[1]), args.interval, args.seed)
    if not hasattr(os, "killpg"):
        print("needs POSIX process groups", file=sys.stderr)
        return 2
    t0 = time.monotonic()
    fig = run(args)
    if args.json:
        print(json.dumps(asdict(fig), ensure_ascii=False))
    else:
        for line in fig.problems[:20]:
            print("  " + line)
        print(f"{fig.kills} kills ({fig.in_write_kills} aimed inside a write), {fig.restored} drafts restored, "
              f"{fig.markers_typed} words typed, autosave every {args.interval} s, {time.monotonic() - t0:.0f} s")
        print(f"words lost beyond one autosave interval: {fig.words_lost_beyond_interval} "
              f"(beyond interval + write: {fig.words_lost_beyond_interval_and_write}; "
              f"within the last interval: {fig.words_lost_within_interval})")
        print(f"corrupt files: {fig.corrupt_files}")
        print(f"files left by the kills: {fig.left_by_kills}; left after the next start: {fig.leftovers_after_start}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
