"""Start-up clean-up: leftovers of killed instances go, nothing of the user's or of a live program does."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from reportdesk.app import cleanup
from reportdesk.app.autosave import Autosaver, DraftSnapshot, autosave_dir, find_recoveries
from reportdesk.export import inflight
from tests.export.test_atomic import KILLED_WRITER

LATER = 10.0  # clean(started=now + LATER): every file made by the test counts as "before the start"


@pytest.fixture(autouse=True)
def no_journal_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    """at_start sets the journal for the whole process: keep it to this test."""
    monkeypatch.delenv(inflight.JOURNAL_ENV, raising=False)
    monkeypatch.setattr(inflight, "_journal", None)


def dead_pid() -> int:
    r = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                       capture_output=True, text=True, check=True)
    return int(r.stdout)


def clean(data: Path) -> cleanup.Cleaned:
    return cleanup.clean(data, started=time.time() + LATER)


def entry_for(data: Path, temp: Path, pid: int, started: int | None = None, name: str = "e") -> Path:
    folder = cleanup.journal_dir(data)
    folder.mkdir(parents=True, exist_ok=True)
    import json

    path = folder / f"{name}.json"
    path.write_text(json.dumps({"pid": pid, "started": started, "temp": str(temp)}), encoding="utf-8")
    return path


def temp_beside(target: Path, pid: int, token: str = "0123abcd") -> Path:
    temp = target.with_name(inflight.temp_name(target.stem, token, pid))
    temp.write_bytes(b"half a file")
    return temp


def test_a_killed_export_is_cleaned_up_at_the_next_start(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "somewhere else"
    out.mkdir()
    target = out / "审阅稿.docx"
    target.write_bytes(b"the old review")
    r = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(cleanup.journal_dir(data)), str(target)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 9, r.stderr
    assert len(list(out.iterdir())) == 2  # the target and the temporary file
    done = clean(data)
    assert [p.parent for p in done.temps] == [out] and done.entries == 1
    assert [p.name for p in out.iterdir()] == ["审阅稿.docx"]
    assert target.read_bytes() == b"the old review"
    assert list(cleanup.journal_dir(data).iterdir()) == []


def test_a_running_writer_keeps_its_temp(tmp_path: Path) -> None:
    data = tmp_path / "data"
    mine = temp_beside(tmp_path / "a.docx", os.getpid())
    entry_for(data, mine, os.getpid(), inflight.start_time(os.getpid()), "mine")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = temp_beside(tmp_path / "b.docx", child.pid)
        entry_for(data, theirs, child.pid, inflight.start_time(child.pid), "theirs")
        assert not clean(data)
        assert mine.exists() and theirs.exists()
        assert len(list(cleanup.journal_dir(data).iterdir())) == 2
    finally:
        child.kill()
        child.wait()
    done = clean(data)
    assert done.temps == [theirs] and mine.exists()


def test_a_reused_pid_does_not_protect_a_dead_writers_temp(tmp_path: Path) -> None:
    data = tmp_path / "data"
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        started = inflight.start_time(child.pid)
        if started is None:
            pytest.skip("no process start times here")
        temp = temp_beside(tmp_path / "b.docx", child.pid)
        entry_for(data, temp, child.pid, started - 1)  # the writer was an earlier process with this pid
        assert clean(data).temps == [temp]
    finally:
        child.kill()
        child.wait()


def test_only_our_names_are_ever_deleted(tmp_path: Path) -> None:
    data, pid = tmp_path / "data", dead_pid()
    users = tmp_path / "审阅稿.docx"
    users.write_bytes(b"the user's own file")
    entry_for(data, users, pid, None, "forged")  # a journal that names another file
    other = tmp_path / inflight.temp_name("x", "0123abcd", pid + 1)  # ours, but not this writer's
    other.write_bytes(b"x")
    entry_for(data, other, pid, None, "mismatch")
    done = clean(data)
    assert users.read_bytes() == b"the user's own file" and other.exists()
    assert done.temps == [] and done.entries == 2  # the entries go, the files stay


def test_a_file_newer_than_this_start_is_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    temp = temp_beside(tmp_path / "a.docx", dead_pid())
    entry = entry_for(data, temp, inflight.temp_pid(temp.name) or 0)
    assert not cleanup.clean(data, started=time.time() - 60)
    assert temp.exists() and entry.exists()
    assert clean(data).temps == [temp] and not entry.exists()


def test_entries_without_files_and_cut_short_entries_go(tmp_path: Path) -> None:
    data, pid = tmp_path / "data", dead_pid()
    gone = entry_for(data, tmp_path / inflight.temp_name("a", "0123abcd", pid), pid, None, "renamed")
    cut = cleanup.journal_dir(data) / "cut.json"
    cut.write_bytes(b'{"pid": 12')
    done = clean(data)
    assert done.entries == 2 and not gone.exists() and not cut.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="needs root to make another user's file")
def test_another_users_temp_is_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    temp = temp_beside(tmp_path / "a.docx", dead_pid())
    os.chown(temp, 12345, 12345)
    entry_for(data, temp, inflight.temp_pid(temp.name) or 0)
    done = clean(data)
    assert temp.exists() and done.kept == [temp]


def test_autosave_temps_of_dead_writers_go(qtbot, tmp_path: Path) -> None:
    folder = autosave_dir(tmp_path)
    folder.mkdir(parents=True)
    dead = temp_beside(folder / "draft-0123456789ab.json", dead_pid())
    live = temp_beside(folder / "draft-0123456789ac.json", os.getpid())
    legacy = folder / ".draft-0123456789ad.1a2b3c4d.tmp"  # what older versions left
    legacy.write_bytes(b"{")
    saver = Autosaver(tmp_path, lambda: DraftSnapshot("草稿"), lambda: True)
    held = folder / f".{saver.path.stem}.1a2b3c4d.tmp"  # legacy name, but its lock is held
    held.write_bytes(b"{")
    users = folder / ".draft-notes.tmp"
    users.write_bytes(b"not ours")
    try:
        done = clean(tmp_path)
        assert sorted(done.temps) == sorted([dead, legacy])
        assert live.exists() and held.exists() and users.exists()
    finally:
        saver.shutdown()


CRASH = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication([])
    from reportdesk.app.autosave import Autosaver, DraftSnapshot
    s = Autosaver(Path(sys.argv[1]), lambda: DraftSnapshot(sys.argv[2]), lambda: bool(sys.argv[2]))
    if sys.argv[2]:
        assert s.tick()
    os._exit(3)
    """
)


def crash(data: Path, text: str) -> None:
    r = subprocess.run([sys.executable, "-c", CRASH, str(data), text], capture_output=True, text=True, timeout=60)
    assert r.returncode == 3, r.stderr


def test_stale_locks_without_a_draft_go_and_drafts_keep_theirs(qtbot, tmp_path: Path) -> None:
    crash(tmp_path, "")  # killed with nothing to save: only its lock is left
    crash(tmp_path, "崩溃前的草稿")  # killed with a draft: offered for recovery
    folder = autosave_dir(tmp_path)
    assert len(list(folder.glob("*.lock"))) == 2
    saver = Autosaver(tmp_path, lambda: DraftSnapshot("在用"), lambda: False)  # a live window: its lock
    try:
        done = clean(tmp_path)
        assert len(done.locks) == 1 and not done.locks[0].with_suffix(".json").exists()
        left = {p.stem for p in folder.glob("*.lock")}
        assert left == {p.stem for p in folder.glob("*.json")} | {saver.path.stem}
        recs = find_recoveries(tmp_path)
        assert [r.snapshot.text for r in recs] == ["崩溃前的草稿"]
        recs[0].discard()
    finally:
        saver.shutdown()
    assert {p.name for p in folder.iterdir()} == set()


def test_a_lock_held_by_another_live_process_stays(qtbot, tmp_path: Path) -> None:
    folder = autosave_dir(tmp_path)
    folder.mkdir(parents=True)
    path = folder / "draft-0123456789ab.lock"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from PySide6.QtCore import QLockFile
        lock = QLockFile({str(path)!r})
        assert lock.tryLock(0)
        print("locked", flush=True)
        time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert not clean(tmp_path) and path.exists()
    finally:
        holder.kill()
        holder.communicate()
    assert clean(tmp_path).locks == [path] and not path.exists()
    assert QLockFile(str(path)).tryLock(0)  # and nothing is in the way of a new one


def test_at_start_journals_this_process_and_its_children(tmp_path: Path) -> None:
    cleanup.at_start(tmp_path)
    assert inflight.journal_dir() == cleanup.journal_dir(tmp_path)
    assert os.environ[inflight.JOURNAL_ENV] == str(cleanup.journal_dir(tmp_path))
    assert cleanup.journal_dir(tmp_path).is_dir()


def test_the_window_cleans_up_on_a_thread_of_its_own(tmp_path: Path) -> None:
    # the journal is set before the window goes on; the clean-up itself does not hold it up
    folder = autosave_dir(tmp_path)
    folder.mkdir(parents=True)
    dead = temp_beside(folder / "draft-0123456789ab.json", dead_pid())
    long_ago = cleanup.STARTED - 3600  # written before this process started
    os.utime(dead, (long_ago, long_ago))
    worker = cleanup.in_background(tmp_path)
    assert inflight.journal_dir() == cleanup.journal_dir(tmp_path)
    assert worker.daemon and worker.name == "reportdesk-cleanup"
    worker.join(timeout=60)
    assert not worker.is_alive() and not dead.exists()


def test_at_start_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_a: object, **_k: object) -> cleanup.Cleaned:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cleanup, "clean", broken)
    assert not cleanup.at_start(tmp_path)


def test_a_legacy_temp_beside_a_draft_to_recover_leaves_its_lock_alone(qtbot, tmp_path: Path) -> None:
    """The clean-up runs on a thread while find_recoveries takes the locks of drafts to
    recover: it must not lock (and unlock, deleting) such a draft's lock itself."""
    crash(tmp_path, "崩溃前的草稿")
    folder = autosave_dir(tmp_path)
    (draft,) = folder.glob("*.json")
    lock = draft.with_suffix(".lock")
    legacy = folder / f".{draft.stem}.1a2b3c4d.tmp"
    legacy.write_bytes(b"{")
    old = time.time() - 60
    os.utime(legacy, (old, old))
    done = clean(tmp_path)
    assert lock.exists() and legacy.exists() and not done.temps
    recs = find_recoveries(tmp_path)
    assert [r.snapshot.text for r in recs] == ["崩溃前的草稿"]
    recs[0].discard()
