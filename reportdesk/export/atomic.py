"""Safe writing of the review document: never over an input, never half a file.

The document is written to a temporary file in the target folder and renamed
over the target in one step, so a full disk or a crash leaves the old file as
it was and no temporary file behind.  A file open in Word or WPS is refused
with a message the clerk can act on.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from reportdesk.engine import ExportError, SaveError


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


def _same(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_target(path: str | Path, inputs: Iterable[str | Path | None]) -> Path:
    """The output path, checked: a .docx, not one of the reports being compared, not open in Word."""
    target = Path(path).expanduser()
    if target.suffix == "":
        target = target.with_suffix(".docx")
    # The input check comes first: "this is your report" says more than "wrong extension".
    for inp in inputs:
        if inp and (_same(target, Path(inp)) or _same(Path(path).expanduser(), Path(inp))):
            raise ExportError(
                f"不能把审阅稿保存为正在比较的文件“{Path(inp).name}”，否则原文会被覆盖。请换一个文件名。",
                f"output equals input: {target}",
                str(target),
            )
    if target.suffix.lower() != ".docx":
        raise ExportError(
            f"审阅稿只能保存为 Word 文件（.docx），“{target.name}”不是。请改用 .docx 扩展名。",
            f"not a .docx: {target}",
            str(target),
        )
    if target.is_dir():
        raise SaveError(
            f"“{target.name}”是一个文件夹，请另选一个文件名。",
            f"is a directory: {target}",
            str(target),
        )
    if target.exists() and any(lock.exists() for lock in lock_files(target)):
        raise SaveError(locked_message(target), f"lock file next to {target}", str(target))
    return target


def _os_error(e: OSError, target: Path, stage: str) -> SaveError:
    folder = target.parent
    detail = f"{stage}: {e!r}"
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return SaveError(
            "磁盘空间不足，审阅稿未能保存。请清理磁盘空间或保存到其他位置；原有文件没有改动。",
            detail,
            str(target),
        )
    if isinstance(e, FileNotFoundError) and not folder.is_dir():
        return SaveError(f"文件夹“{folder}”不存在，请选择其他保存位置。", detail, str(target))
    if isinstance(e, PermissionError) or e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if stage == "replace" and target.exists():
            if not os.access(target, os.W_OK):
                return SaveError(
                    f"文件“{target.name}”是只读文件，无法覆盖。请另存为其他文件名。",
                    detail,
                    str(target),
                )
            return SaveError(locked_message(target), detail, str(target))
        return SaveError(
            f"没有权限在文件夹“{folder}”中保存文件。请选择其他文件夹（如“文档”或桌面）。",
            detail,
            str(target),
        )
    reason = e.strerror or str(e)
    return SaveError(
        f"保存审阅稿“{target.name}”时出错：{reason}。原有文件没有改动。", detail, str(target)
    )


def write(target: Path, save: Callable[[IO[bytes]], None]) -> Path:
    """Call ``save(stream)`` into a temporary file beside ``target``, then rename it over ``target``."""
    folder = target.parent
    if not folder.is_dir():
        raise SaveError(
            f"文件夹“{folder}”不存在，请选择其他保存位置。", f"no folder {folder}", str(target)
        )
    try:
        fd, tmp = _create_temp(target)
    except OSError as e:
        raise _os_error(e, target, "create") from e
    stage = "write"
    try:
        with os.fdopen(fd, "wb") as fh:
            save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        stage = "replace"
        os.replace(tmp, target)
    except OSError as e:
        _discard(tmp)
        raise _os_error(e, target, stage) from e
    except BaseException:
        _discard(tmp)
        raise
    return target


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new file beside ``target``; mode 0o666 less the umask (mkstemp's 0o600 would stick after the rename)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def _discard(tmp: Path) -> None:
    try:
        tmp.unlink()
    except OSError:
        pass
