"""Saving: never over an input, never half a file, clear Chinese messages."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from reportdesk.engine.errors import ExportError, SaveError
from reportdesk.export import atomic, inflight
from reportdesk.export.docx_review import ExportOptions, export_review
from tests.export.conftest import bare_comparison

LOCKED = "文件“review.docx”正被其他程序（如 Word 或 WPS）打开，无法覆盖。请关闭该文件后重试，或另存为其他文件名。"


@pytest.fixture
def small(tmp_path: Path):
    old, new = tmp_path / "2018.txt", tmp_path / "2019.txt"
    old.write_text("稳就业。", encoding="utf-8")
    new.write_text("稳就业，稳物价。", encoding="utf-8")
    return bare_comparison("稳就业。", "稳就业，稳物价。", str(old), str(new))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_output_equal_to_an_input_is_refused(tmp_path: Path, small) -> None:
    for target in (small.old.path, small.new.path, tmp_path / "sub" / ".." / "2019.txt"):
        with pytest.raises(ExportError) as e:
            export_review(small, target)
        assert "不能把审阅稿保存为正在比较的文件" in e.value.message
    assert Path(small.new.path).read_text(encoding="utf-8") == "稳就业，稳物价。"


def _other_names(tmp_path: Path, src: Path) -> list[str | Path]:
    """Names of ``src`` other than its own: relative, without extension, a hard link, a
    symbolic link where the system makes one, and on Windows other case, / and the 8.3 name."""
    names: list[str | Path] = ["draft.docx", tmp_path / "draft"]
    os.link(src, tmp_path / "hard.docx")
    names.append(tmp_path / "hard.docx")
    link = tmp_path / "link.docx"
    try:
        link.symlink_to(src)
    except OSError:  # Windows without the symlink privilege (no developer mode)
        pass
    if link.exists():  # Wine 8 reports success and makes nothing
        names.append(link)
    if sys.platform == "win32":
        import ctypes

        buf = ctypes.create_unicode_buffer(1024)
        if ctypes.windll.kernel32.GetShortPathNameW(str(src), buf, 1024) and buf.value != str(src):
            names.append(buf.value)
        names += [str(src).upper(), str(src).replace("\\", "/")]
    return names


def test_docx_input_by_another_name_is_refused(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "draft.docx"
    src.write_bytes(b"original")
    monkeypatch.chdir(tmp_path)
    c = bare_comparison("a", "b", "draft.docx", str(tmp_path / "x.txt"))
    names = _other_names(tmp_path, src)
    assert len(names) >= 3
    for target in names:
        with pytest.raises(ExportError):
            export_review(c, target)
    assert src.read_bytes() == b"original"


def test_writes_and_replaces(tmp_path: Path, small) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"old export")
    assert export_review(small, target) == target
    assert target.read_bytes()[:2] == b"PK"
    assert leftovers(tmp_path) == []
    assert export_review(small, tmp_path / "noext") == tmp_path / "noext.docx"


def test_wrong_extension_refused(tmp_path: Path, small) -> None:
    with pytest.raises(ExportError) as e:
        export_review(small, tmp_path / "review.pdf")
    assert ".docx" in e.value.message


@pytest.mark.parametrize("lock", ["~$review.docx", ".~lock.review.docx#"])
def test_target_open_in_word_is_refused(tmp_path: Path, small, lock: str) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"the user's open file")
    (tmp_path / lock).write_bytes(b"owner")
    with pytest.raises(SaveError) as e:
        export_review(small, target)
    assert e.value.message == LOCKED
    assert target.read_bytes() == b"the user's open file"
    assert leftovers(tmp_path) == []


def test_word_lock_of_long_name(tmp_path: Path) -> None:
    target = tmp_path / "审阅稿2025年定稿.docx"
    names = {p.name for p in atomic.lock_files(target)}
    assert "~$阅稿2025年定稿.docx" in names and "~$稿2025年定稿.docx" in names


def test_rename_refused_by_windows_means_locked(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"open in Word")

    def deny(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(os, "replace", deny)
    with pytest.raises(SaveError) as e:
        export_review(small, target)
    assert e.value.message == LOCKED
    assert target.read_bytes() == b"open in Word"
    assert leftovers(tmp_path) == []


def test_unwritable_folder(tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def deny(path, flags, mode=0o777, *a, **kw):
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode, *a, **kw)

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(SaveError) as e:
        export_review(small, tmp_path / "review.docx")
    assert "没有权限在文件夹" in e.value.message and str(tmp_path) in e.value.message


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_read_only_folder_for_real(tmp_path: Path, small) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError) as e:
            export_review(small, folder / "review.docx")
        assert "没有权限" in e.value.message
    finally:
        folder.chmod(0o700)


def test_disk_full_keeps_the_old_file(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"previous review")
    import docx.document

    def full(self, stream):
        stream.write(b"PK partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", full)
    with pytest.raises(SaveError) as e:
        export_review(small, target)
    assert "磁盘空间不足" in e.value.message
    assert target.read_bytes() == b"previous review"
    assert leftovers(tmp_path) == []


def test_missing_folder(tmp_path: Path, small) -> None:
    with pytest.raises(SaveError) as e:
        export_review(small, tmp_path / "nowhere" / "review.docx")
    assert "不存在" in e.value.message


def test_bad_form_is_an_export_error(tmp_path: Path, small) -> None:
    with pytest.raises(ExportError) as e:
        export_review(small, tmp_path / "r.docx", ExportOptions(form="pdf"))
    assert "形式" in e.value.message
    assert list(tmp_path.glob("r.docx")) == []


# ---------------------------------------------------------------- the one writer's contract

def _review(small):
    return lambda target: export_review(small, target)


def _draft(_small):
    from reportdesk.export.draft_docx import write_draft

    return lambda target: write_draft("第一段\n第二段", target)


def _bytes(_small):
    return lambda target: atomic.write_bytes(target, "纯文本".encode())


WRITERS = {"review": _review, "draft-docx": _draft, "bytes": _bytes}


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("kind", WRITERS)
def test_existing_file_keeps_its_mode(tmp_path: Path, small, kind: str) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    WRITERS[kind](small)(target)
    assert target.read_bytes() != b"old"
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_file_gets_the_umask_not_the_temp_files_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic.write_bytes(tmp_path / "shared.txt", b"x")
        atomic.write_bytes(tmp_path / "private.json", b"x", mode=0o600)
    finally:
        os.umask(old)
    assert (tmp_path / "shared.txt").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "private.json").stat().st_mode & 0o777 == 0o600


def _fail_fsync(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    def fail(_fd):
        raise exc

    monkeypatch.setattr(os, "fsync", fail)


def _fail_replace(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    def fail(_src, _dst):
        raise exc

    monkeypatch.setattr(os, "replace", fail)


FAILURES = {
    "disk-full": (lambda m: _fail_fsync(m, OSError(errno.ENOSPC, "No space left")), SaveError),
    "locked": (
        lambda m: _fail_replace(m, PermissionError(errno.EACCES, "Access is denied")),
        SaveError,
    ),
    "bug": (lambda m: _fail_fsync(m, RuntimeError("boom")), RuntimeError),
}


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("kind", WRITERS)
def test_no_temp_file_and_old_file_intact_on_any_failure(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch, kind: str, failure: str
) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"previous")
    before = sorted(p.name for p in tmp_path.iterdir())
    write = WRITERS[kind](small)
    arrange, expected = FAILURES[failure]
    arrange(monkeypatch)
    with pytest.raises(expected):
        write(target)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def _flaky_replace(monkeypatch: pytest.MonkeyPatch, failures: int, winerror: int | None):
    """os.replace refusing ``failures`` times the way Windows does while a scanner holds the file."""
    real = os.replace
    calls: list[int] = []

    def replace(src, dst):
        calls.append(1)
        if len(calls) <= failures:
            e = PermissionError(errno.EACCES, "The process cannot access the file", str(dst))
            if winerror is not None:
                e.winerror = winerror  # type: ignore[attr-defined]  # only Windows sets it
            raise e
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(atomic, "REPLACE_RETRY_DELAYS", (0.0, 0.0, 0.0))
    return calls


@pytest.mark.parametrize("winerror", [5, 32])
def test_briefly_held_file_is_retried(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch, winerror: int
) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"being scanned")
    calls = _flaky_replace(monkeypatch, 2, winerror)
    assert export_review(small, target) == target
    assert len(calls) == 3
    assert target.read_bytes()[:2] == b"PK"
    assert leftovers(tmp_path) == []


def test_held_for_good_is_reported_after_the_retries(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "review.docx"
    target.write_bytes(b"open in Word")
    calls = _flaky_replace(monkeypatch, 99, 32)
    with pytest.raises(SaveError) as e:
        export_review(small, target)
    assert e.value.message == LOCKED
    assert len(calls) == 1 + len(atomic.REPLACE_RETRY_DELAYS)
    assert target.read_bytes() == b"open in Word"
    assert leftovers(tmp_path) == []


def test_other_permission_errors_are_not_retried(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _flaky_replace(monkeypatch, 99, None)
    with pytest.raises(SaveError):
        export_review(small, tmp_path / "review.docx")
    assert len(calls) == 1


@pytest.mark.parametrize("kind", WRITERS)
def test_one_error_mapping_for_every_writer(
    tmp_path: Path, small, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    seen: list[tuple[int | None, str]] = []

    def mapping(e: OSError, target: Path, stage: str = "write") -> SaveError:
        seen.append((e.errno, stage))
        return SaveError("映射", stage, str(target))

    monkeypatch.setattr(atomic, "save_error", mapping)
    _fail_fsync(monkeypatch, OSError(errno.ENOSPC, "No space left"))
    with pytest.raises(SaveError) as e:
        WRITERS[kind](small)(tmp_path / "review.docx")
    assert e.value.message == "映射"
    assert seen == [(errno.ENOSPC, "write")]


@pytest.mark.parametrize(
    ("err", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间不足"),
        (OSError(errno.EROFS, "Read-only file system"), "只读"),
        (PermissionError(errno.EACCES, "Permission denied"), "没有权限在文件夹"),
        (OSError(errno.EIO, "Input/output error"), "Input/output error"),
    ],
)
def test_messages_name_the_file_and_the_way_out(tmp_path: Path, err: OSError, words: str) -> None:
    e = atomic.save_error(err, tmp_path / "稿.txt", "create")
    assert isinstance(e, SaveError) and words in e.message and e.path.endswith("稿.txt")


def test_missing_folder_for_any_content(tmp_path: Path) -> None:
    with pytest.raises(SaveError) as e:
        atomic.write_bytes(tmp_path / "nowhere" / "a.json", b"{}")
    assert "不存在" in e.value.message
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").mkdir()
    with pytest.raises(SaveError) as e:
        atomic.write_bytes(tmp_path / "a.txt", b"x")
    assert "文件夹" in e.value.message
    assert leftovers(tmp_path) == []


def test_read_only_file_is_refused_as_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"kept")
    target.chmod(0o444)
    if os.name == "posix" and os.geteuid() == 0:  # root may write anything: answer as a clerk would get
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, m, **kw: m != os.W_OK and real_access(p, m, **kw)
        )
    with pytest.raises(SaveError) as e:
        atomic.write_bytes(target, b"new")
    assert "只读" in e.value.message
    assert target.read_bytes() == b"kept"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="symlinks need privileges on Windows")
def test_a_symlink_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert atomic.write_bytes(link, b"new") == link
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


def test_long_names_get_a_short_temp_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / ("很长的文件名" * 13 + ".txt")  # 78 characters, 234 bytes in UTF-8
    names: list[str] = []
    real_open = os.open

    def spy(path, flags, mode=0o777, *a, **kw):
        names.append(Path(path).name)
        return real_open(path, flags, mode, *a, **kw)

    monkeypatch.setattr(os, "open", spy)
    atomic.write_bytes(target, b"x")
    assert target.read_bytes() == b"x"
    assert all(len(n.encode()) <= 255 for n in names)


def test_hard_link_to_an_input_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "draft.docx"
    src.write_bytes(b"original")
    other = tmp_path / "另一个名字.docx"
    other.hardlink_to(src)
    c = bare_comparison("a", "b", str(src), str(tmp_path / "x.txt"))
    with pytest.raises(ExportError):
        export_review(c, other)
    assert src.read_bytes() == b"original"


# ------------------------------------------------------------ temp files in flight (inflight)
KILLED_WRITER = """
import os, sys
from pathlib import Path
from reportdesk.export import atomic, inflight
inflight.set_journal_dir(Path(sys.argv[1]))
def die(fh):
    fh.write(b"half a file")
    fh.flush()
    os._exit(9)  # killed between creating the temporary file and renaming it
atomic.write(Path(sys.argv[2]), die)
"""


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "journal"
    monkeypatch.delenv(inflight.JOURNAL_ENV, raising=False)
    monkeypatch.setattr(inflight, "_journal", None)
    inflight.set_journal_dir(folder)
    return folder


def test_temp_files_have_one_recognisable_name(tmp_path: Path) -> None:
    seen: list[str] = []
    atomic.write(tmp_path / "审阅稿.docx", lambda fh: seen.extend(leftovers(tmp_path)))
    assert len(seen) == 1
    m = inflight.TEMP_RE.match(seen[0])
    assert m and m.group("stem") == "审阅稿" and inflight.temp_pid(seen[0]) == os.getpid()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", [
    ".审阅稿.1a2b3c4d.tmp",  # what older versions made: not ours to judge outside the autosave folder
    "审阅稿.tmp", ".~lock.审阅稿.docx#", "~$审阅稿.docx", ".审阅稿.~reportdesk-12-xyz.tmp",
    ".审阅稿.~reportdesk-12-1a2b3c4d.tmp.bak", "审阅稿.~reportdesk-12-1a2b3c4d.tmp",
])
def test_no_other_name_looks_like_ours(name: str) -> None:
    assert inflight.temp_pid(name) is None


def test_a_temp_file_is_journalled_while_it_exists(tmp_path: Path, journal: Path) -> None:
    target = tmp_path / "draft.txt"
    during: list[list[inflight.Entry | None]] = []

    def save(fh: object) -> None:
        during.append([inflight.read_entry(p) for p in journal.iterdir()])

    atomic.write(target, save)
    [[entry]] = during
    assert entry is not None and entry.pid == os.getpid()
    assert entry.temp.parent == tmp_path and inflight.temp_pid(entry.temp.name) == os.getpid()
    assert entry.started == inflight.start_time(os.getpid())
    assert list(journal.iterdir()) == []  # renamed: forgotten
    with pytest.raises(RuntimeError):
        atomic.write(target, lambda fh: (_ for _ in ()).throw(RuntimeError("build failed")))
    assert list(journal.iterdir()) == [] and leftovers(tmp_path) == []


def test_a_missing_journal_never_stops_a_save(tmp_path: Path, journal: Path) -> None:
    journal.rmdir()  # e.g. the data folder was deleted while the program ran
    atomic.write_bytes(tmp_path / "draft.txt", b"kept")
    assert (tmp_path / "draft.txt").read_bytes() == b"kept" and leftovers(tmp_path) == []


def test_a_killed_writer_leaves_a_journalled_temp_and_the_old_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    target = tmp_path / "review.docx"
    target.write_bytes(b"the old review")
    r = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(tmp_path / "j"), str(target)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 9, r.stderr
    assert target.read_bytes() == b"the old review"
    [left] = leftovers(tmp_path)
    [entry_file] = (tmp_path / "j").iterdir()
    entry = inflight.read_entry(entry_file)
    assert entry is not None and entry.temp == tmp_path / left
    assert not inflight.is_running(entry.pid, entry.started)


def test_process_identity() -> None:
    import subprocess
    import sys

    me = os.getpid()
    assert inflight.is_running(me) and inflight.is_running(me, inflight.start_time(me))
    if inflight.start_time(me) is not None:  # Linux, Windows: a reused pid is another process
        assert not inflight.is_running(me, inflight.start_time(me) + 1)  # type: ignore[operator]
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    assert not inflight.is_running(int(done.stdout))
    assert not inflight.is_running(0) and not inflight.is_running(-1)
