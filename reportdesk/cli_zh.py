"""argparse in Chinese: its own strings (用法, 选项, error messages) translated.

argparse looks its strings up through the module's ``_`` and ``ngettext``
(gettext) when a parser is built, prints help or reports an error; ``install``
points them at the table below, so ``-h`` and every error read in one language.
Strings not in the table (a newer Python's) pass through unchanged.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable

ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "expected at least one argument": "至少需要一个值",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项值 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知命令 %(parser_name)r（可选：%(choices)s）",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
}


def _zh(message: str) -> str:
    return ZH.get(message, message)


def _nzh(singular: str, plural: str, n: int) -> str:
    return _zh(singular if n == 1 else plural)


_HEADING_RE = re.compile(r"^(\S[^\n]*[\u4e00-\u9fff）]):$", re.M)


def _fullwidth_headings(format_help: Callable[[argparse.HelpFormatter], str]) -> Callable[[argparse.HelpFormatter], str]:
    """HelpFormatter.format_help with a Chinese section heading's ``:`` made ``：``."""

    def wrapped(self: argparse.HelpFormatter) -> str:
        return _HEADING_RE.sub(r"\1：", format_help(self))

    wrapped.__wrapped__ = format_help  # type: ignore[attr-defined]
    return wrapped


def install() -> None:
    """Translate argparse's own strings for the parsers built from now on (idempotent)."""
    setattr(argparse, "_", _zh)  # noqa: B010 - argparse reads its module global
    setattr(argparse, "ngettext", _nzh)  # noqa: B010
    if not hasattr(argparse.HelpFormatter.format_help, "__wrapped__"):
        argparse.HelpFormatter.format_help = _fullwidth_headings(argparse.HelpFormatter.format_help)  # type: ignore[method-assign,assignment]
