"""The one safe way ReportDesk writes a file: never over an input, never half a file.

Every file the program writes goes through ``write`` (a callback fills a
stream) or ``write_bytes``: the review document, the saved draft (.docx and
.txt), the autosave snapshot and the JSON export.  The contract:

* The content goes to a new temporary file beside the target (same folder, so
  the rename never crosses disks), is flushed and fsync'ed, then renamed over
  the target with ``os.replace`` in one step.  A crash, a full disk or a
  failing ``save`` leaves the old file exactly as it was, and no temporary
  file is left behind on any failure.  The temporary file's name is
  ``.<stem>.~reportdesk-<pid>-<hex>.tmp`` and, when the app set a journal
  folder, it is journalled while it exists (``inflight``): a killed program's
  leftover is removed at the next start (``reportdesk.app.cleanup``).
* An existing file keeps its permission bits; a new file gets ``mode`` less
  the umask (0o666: what any editor creates; autosave asks for 0o600).
* A symbolic link is followed: the file it points to is replaced, the link stays.
* Refused before anything is written: a missing folder, a target that is a
  folder, a file open in Word, WPS or LibreOffice (their owner file sits next
  to it), a read-only file.
* On Windows a rename refused because the file is held for a moment
  (antivirus, search indexer, OneDrive: winerror 5 or 32) is retried a few
  times before the clerk is told.
* Every ``OSError`` becomes a ``SaveError`` with a Chinese message the clerk
  can act on, through one mapping: ``save_error``.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from reportdesk.engine import ExportError, SaveError

from . import inflight

# Seconds to wait before each retry of a rename refused by a briefly held file (~0.75 s in all).
REPLACE_RETRY_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4)
# ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION: what Windows says while another process holds the file.
_HELD_WINERRORS = (5, 32)
_TEMP_STEM_CHARS = 40  # keeps ".stem.~reportdesk-pid-xxxxxxxx.tmp" under the 255-byte name limit


def locked_message(path: Path) -> str:
    return f"文件“{path.name}”正被其他程序（如 Word 或 WPS）打开，无法覆盖。请关闭该文件后重试，或另存为其他文件名。"


def lock_files(path: Path) -> list[Path]:
    """Owner files an editor keeps next to an open document.

    Word and WPS write ``~$name.docx`` (Word drops one or two leading characters
    of longer names); LibreOffice writes ``.~lock.name.docx#``.
    """
    names = ["~$" + path.name, f".~lock.{path.name}#"]
    if len(path.stem) >= 7:
        names.append("~$" + path.name[1:])
    if len(path.stem) >= 8:
        names.append("~$" + path.name[2:])
    return [path.with_name(n) for n in names]


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file, as the file system sees it.

    Windows compares names without case and reaches one file through short (8.3)
    names, links and other spellings, so the names alone cannot decide: compare the
    normalised real paths, then the files' identities (volume and file index).
    """
    try:
        ra, rb = os.path.realpath(a), os.path.realpath(b)
    except (OSError, ValueError):
        return False
    if os.path.normcase(ra) == os.path.normcase(rb):
        return True
    try:
        sa, sb = os.stat(ra), os.stat(rb)
    except (OSError, ValueError):
        return False
    # st_ino is 0 where the platform cannot tell (some network shares): say "not the same" only then.
    return sa.st_ino != 0 and (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def refuse_inputs(target: str | Path, inputs: Iterable[str | Path | None], what: str = "输出文件") -> None:
    """Raise ExportError when writing ``target`` would replace one of ``inputs``.

    Every output of every command goes through this: a clerk who types the report's
    own name after ``--json`` or ``-o`` must not lose the report.
    """
    t = Path(target).expanduser()
    for inp in inputs:
        if inp and same_file(t, Path(inp).expanduser()):
            raise ExportError(
                f"不能把{what}保存为正在比较的文件“{Path(inp).name}”，否则原文会被覆盖。请换一个文件名。",
                f"output equals input: {t}",
                str(t),
            )


def check_target(path: str | Path, inputs: Iterable[str | Path | None]) -> Path:
    """The review document's path, checked: a .docx, not one of the compared reports, writable.

    Called before the document is built, so a refusal costs the clerk no wait.
    """
    target = Path(path).expanduser()
    if target.suffix == "":
        target = target.with_suffix(".docx")
    # The input check comes first: "this is your report" says more than "wrong extension".
    inputs = list(inputs)
    refuse_inputs(target, inputs, "审阅稿")
    refuse_inputs(Path(path).expanduser(), inputs, "审阅稿")
    if target.suffix.lower() != ".docx":
        raise ExportError(
            f"审阅稿只能保存为 Word 文件（.docx），“{target.name}”不是。请改用 .docx 扩展名。",
            f"not a .docx: {target}",
            str(target),
        )
    check_writable(target)
    return target


def check_writable(target: Path) -> None:
    """Raise SaveError when ``target`` cannot or must not be replaced; nothing is written."""
    folder = target.parent
    if not folder.is_dir():
        raise _missing_folder(target, f"no folder {folder}")
    if target.is_dir():
        raise SaveError(
            f"“{target.name}”是一个文件夹，请另选一个文件名。",
            f"is a directory: {target}",
            str(target),
        )
    if not target.exists():
        return
    if any(lock.exists() for lock in lock_files(target)):
        raise SaveError(locked_message(target), f"lock file next to {target}", str(target))
    if not os.access(target, os.W_OK):
        raise _read_only_file(target, f"read-only file: {target}")


def save_error(e: OSError, target: Path, stage: str = "write") -> SaveError:
    """The one translation of an OSError met while saving ``target`` into words for the clerk.

    ``stage`` is "create", "write" or "replace": a refused rename means the file
    is held by another program, a refused create means the folder is not ours.
    """
    folder = target.parent
    detail = f"{stage}: {e!r}"
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return SaveError(
            f"磁盘空间不足，“{target.name}”未能保存。请清理磁盘空间或保存到其他位置；原有文件没有改动。",
            detail,
            str(target),
        )
    if isinstance(e, FileNotFoundError) and not folder.is_dir():
        return _missing_folder(target, detail)
    if e.errno == errno.EROFS:
        return SaveError(
            f"文件夹“{folder}”所在的磁盘是只读的（如光盘或写保护的 U 盘），无法保存。请保存到其他位置。",
            detail,
            str(target),
        )
    if isinstance(e, PermissionError) or e.errno in (errno.EACCES, errno.EPERM):
        if stage == "replace" and target.exists():
            if not os.access(target, os.W_OK):
                return _read_only_file(target, detail)
            return SaveError(locked_message(target), detail, str(target))
        return SaveError(
            f"没有权限在文件夹“{folder}”中保存文件。请选择其他文件夹（如“文档”或桌面）。",
            detail,
            str(target),
        )
    reason = e.strerror or str(e)
    return SaveError(f"保存“{target.name}”时出错：{reason}。原有文件没有改动。", detail, str(target))


def _missing_folder(target: Path, detail: str) -> SaveError:
    return SaveError(f"文件夹“{target.parent}”不存在，请选择其他保存位置。", detail, str(target))


def _read_only_file(target: Path, detail: str) -> SaveError:
    return SaveError(
        f"文件“{target.name}”是只读文件，无法覆盖。请另存为其他文件名。", detail, str(target)
    )


def write(target: str | Path, save: Callable[[IO[bytes]], object], *, mode: int = 0o666,
          journal: bool = True) -> Path:
    """Call ``save(stream)`` into a temporary file beside ``target``, then rename it over ``target``.

    ``journal=False`` for a folder the next start cleans up anyway (autosave): no journal
    entry written and removed around every write.

    Returns ``target``.  Raises SaveError for anything the disk or the system
    refuses; an exception from ``save`` itself is passed on unchanged.  Either
    way the old file is untouched and no temporary file remains.
    """
    target = Path(target)
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    check_writable(real)
    keep_mode = _mode_of(real)
    try:
        fd, tmp, entry = _create_temp(real, mode, journal)
    except OSError as e:
        raise save_error(e, real, "create") from e
    stage = "write"
    try:
        with os.fdopen(fd, "wb") as fh:
            if keep_mode is not None:
                _chmod(fh.fileno(), keep_mode)
            save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        stage = "replace"
        _replace(tmp, real)
    except OSError as e:
        _discard(tmp, entry)
        raise save_error(e, real, stage) from e
    except BaseException:
        _discard(tmp, entry)
        raise
    inflight.forget(entry)
    _sync_folder(real.parent)
    return target


def write_bytes(target: str | Path, data: bytes, *, mode: int = 0o666, journal: bool = True) -> Path:
    """``write`` for content already in memory (a .txt draft, JSON, an autosave snapshot)."""
    return write(target, lambda fh: fh.write(data), mode=mode, journal=journal)


def _mode_of(path: Path) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def _chmod(fd: int, mode: int) -> None:
    """Give the temporary file the replaced file's permissions (POSIX; Windows has only read-only)."""
    if hasattr(os, "fchmod"):
        try:
            os.fchmod(fd, mode)
        except OSError:
            pass  # e.g. a network share without permissions: the default is acceptable


def _create_temp(target: Path, mode: int, journal: bool = True) -> tuple[int, Path, Path | None]:
    """A new file beside ``target``, journalled first; ``mode`` less the umask.

    (mkstemp's 0o600 would stick after the rename.)  Returns the descriptor, the
    file and its journal entry (None without a journal).
    """
    flags = (
        os.O_WRONLY
        | os.O_CREAT
        | os.O_EXCL
        | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_NOINHERIT", 0)
    )
    stem = target.stem[:_TEMP_STEM_CHARS]
    for _ in range(100):
        tmp = target.with_name(inflight.temp_name(stem, secrets.token_hex(4)))
        # before the file exists: a kill right after leaves no unknown file
        entry = inflight.record(tmp) if journal else None
        try:
            return os.open(tmp, flags, mode), tmp, entry
        except FileExistsError:
            inflight.forget(entry)
            continue
        except BaseException:
            inflight.forget(entry)
            raise
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def _held_briefly(e: OSError) -> bool:
    return isinstance(e, PermissionError) and getattr(e, "winerror", None) in _HELD_WINERRORS


def _replace(tmp: Path, target: Path) -> None:
    """``os.replace``, retried while Windows reports the target held by another process."""
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            os.replace(tmp, target)
            return
        except PermissionError as e:
            if delay is None or not _held_briefly(e):
                raise
        time.sleep(delay)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); the content is already on disk."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _discard(tmp: Path, entry: Path | None) -> None:
    try:
        tmp.unlink()
    except OSError:
        pass
    inflight.forget(entry)
