"""Command line: ``reportdesk compare | text | targets | series`` (imports no Qt).

Exit codes: 0 done, 2 bad input (the Chinese message goes to stderr), 3 internal error
(a bug: one Chinese line and the exception on stderr, never a traceback), 130
interrupted with Ctrl-C (one Chinese line).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reportdesk.cli_output import write_json
from reportdesk.engine import ChangeKind, ReportDeskError, SectionStatus, TargetChangeKind

KIND_ZH = {ChangeKind.INSERT: "新增", ChangeKind.DELETE: "删除", ChangeKind.REPLACE: "修改", ChangeKind.MOVE: "移动"}
STATUS_ZH = {
    SectionStatus.MATCHED: "对应", SectionStatus.RENAMED: "改名", SectionStatus.MOVED: "移动",
    SectionStatus.NEW: "新增", SectionStatus.REMOVED: "删除",
}


def _utf8_stdio() -> None:
    # A Windows console defaults to a legacy code page; Chinese must not crash print().
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def build_parser() -> argparse.ArgumentParser:
    from . import cli_zh

    cli_zh.install()
    p = argparse.ArgumentParser(prog="reportdesk", description="报告对照台：比较逐年政府工作报告")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("compare", help="比较两份报告")
    c.add_argument("old", help="上一年的报告（.docx/.txt）")
    c.add_argument("new", help="今年的报告或草稿")
    c.add_argument("--json", metavar="PATH", help="把结果写成 JSON（- 为标准输出）")
    c.add_argument("-o", "--output", metavar="DOCX", help="导出审阅稿 .docx")
    c.add_argument("--form", choices=("tracked", "table", "both"), default="both", help="审阅稿形式（给出 --parts 时不用）")
    c.add_argument(
        "--parts",
        type=_parts,
        metavar="PARTS",
        help="审阅稿包含的部分，逗号分隔（文中总按此顺序）：summary 摘要、tracked 修订稿、table 修改对照表、"
        "targets 目标对照表、tasks 任务数量附录（英文或中文名均可；默认按 --form）",
    )
    c.add_argument("--author", help="修订人（默认：本机用户的显示名）")
    c.add_argument("--no-moves", action="store_true", help="不识别移动（移动按删除+新增处理）")
    c.add_argument("--keep-clutter", action="store_true", help="保留网页杂项（字体、分享、打印等行）参与比较")
    c.add_argument("--limit", type=int, default=20, help="摘要中列出的变化条数")
    t = sub.add_parser("text", help="输出规范化后的正文（JSON 中的位置即指此文本）")
    t.add_argument("file", help="报告（.docx/.txt）")
    t.add_argument("--outline", action="store_true", help="只输出章节目录")
    t.add_argument("--marks", action="store_true", help="每段前标出结构（标题级别、前置信息）")
    from . import cli_targets

    cli_targets.add_subcommands(sub)
    return p


def _parts(text: str) -> tuple[str, ...]:
    """--parts summary,tracked (or 摘要,修订稿): argparse reports a bad name in Chinese."""
    from .export.options import PART_ZH, parse_parts

    try:
        parts = parse_parts(text)
    except ValueError as e:
        names = "、".join(f"{k}（{v}）" for k, v in PART_ZH.items())
        raise argparse.ArgumentTypeError(f"未知的部分“{e}”，可选：{names}") from e
    if not parts:
        raise argparse.ArgumentTypeError("至少选择一个部分")
    return parts


def cmd_compare(args: argparse.Namespace) -> int:
    from reportdesk.engine import CompareOptions, clutter_notice, compare_paths, comparison_to_dict

    options = CompareOptions(detect_moves=not args.no_moves, keep_clutter=args.keep_clutter)
    # jieba loads while a helper process aligns.  The summary names no phrases (提法): they
    # are found only for the JSON and the review document.
    result = compare_paths(args.old, args.new, options, phrases=bool(args.json or args.output))
    _tell_notices(result.old)
    _tell_notices(result.new)
    if clutter_notice(result):
        print(f"提示：{clutter_notice(result)}（保留它们：--keep-clutter）", file=sys.stderr)
    if args.json:
        write_json(comparison_to_dict(result), args.json, (args.old, args.new))
    if args.output:
        from .export.author import default_author
        from .export.docx_review import ExportOptions, export_review

        author = args.author or default_author()
        opts = ExportOptions(form=args.form, author=author, parts=args.parts)
        path = export_review(result, args.output, opts)
        print(f"已导出审阅稿：{path}", file=sys.stderr if args.json == "-" else sys.stdout)
    if args.json != "-":
        print(summary(result, args.limit))
    return 0


def summary(c: Any, limit: int = 20) -> str:
    s = c.stats
    lines = [
        f"{c.old.title or Path(c.old.path).name}（{c.old.year or '?'}）→ {c.new.title or Path(c.new.path).name}（{c.new.year or '?'}）",
        f"句子：原 {s.sentences_old}，新 {s.sentences_new}；相同 {s.equal}，修改 {s.changed}，新增 {s.inserted}，删除 {s.deleted}，移动 {s.moved}",
        f"字数：新增 {s.chars_inserted}，删除 {s.chars_deleted}；相似度 {s.similarity:.1%}（新稿中未改动文字的占比）",
        f"变化 {len(c.changes)} 处：" + "，".join(f"{KIND_ZH.get(k, k)} {v}" for k, v in s.changes_by_kind if k in KIND_ZH),
        "",
        "章节：",
    ]
    for m in c.sections:
        if m.status is SectionStatus.MATCHED:
            continue
        lines.append(f"  [{STATUS_ZH[m.status]}] {m.old_heading or '—'} → {m.new_heading or '—'}")
    matched = sum(1 for m in c.sections if m.status is SectionStatus.MATCHED)
    lines.append(f"  另有 {matched} 个章节标题未变")
    if c.target_changes:
        lines += ["", "目标变化："]
        for tc in c.target_changes:
            if tc.change is not TargetChangeKind.UNCHANGED:
                lines.append(f"  {tc.indicator}：{tc.wording}")
    lines += ["", f"前 {min(limit, len(c.changes))} 处变化："]
    for ch in c.changes[:limit]:
        lines.append(f"  #{ch.id} [{KIND_ZH[ch.kind]}] {ch.section[:16]}：{_short(ch.old_text)} → {_short(ch.new_text)}")
    return "\n".join(lines)


def _short(t: str, n: int = 30) -> str:
    t = t.replace("\n", "⏎")
    return "∅" if not t else t if len(t) <= n else t[: n - 1] + "…"


def _tell_notices(r: Any, named: bool = True) -> None:
    """How the file was read (revisions accepted, comments left out, notes …), on stderr."""
    for notice in r.notices:
        print(f"提示：{notice}" + (f"（{Path(r.path).name}）" if named else ""), file=sys.stderr)


def cmd_text(args: argparse.Namespace) -> int:
    from reportdesk.engine import load_report

    r = load_report(args.file)
    _tell_notices(r, named=False)
    if args.outline:
        from reportdesk.engine import outline

        print(outline(r))
        return 0
    if args.marks:
        for p in r.paragraphs:
            mark = p.kind.value if p.kind.value not in ("body", "heading") else (f"H{p.level}" if p.level else "P")
            print(f"[{mark}] {p.text}")
        return 0
    sys.stdout.write(r.text + ("\n" if r.text and not r.text.endswith("\n") else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    _utf8_stdio()
    args = build_parser().parse_args(argv)
    handler = {"compare": cmd_compare, "text": cmd_text}.get(args.command) or getattr(args, "handler", None)
    if handler is None:
        print(f"未知命令：{args.command}", file=sys.stderr)
        return 2
    try:
        return int(handler(args) or 0)
    except ReportDeskError as e:
        print(f"错误：{e.message}", file=sys.stderr)
        if e.detail:
            print(f"({e.detail})", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _quiet_stdout()  # the reader (head, less) left: not an error
        return 0
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except MemoryError:
        print("错误：内存不足，无法完成。请关闭其他程序后重试，或确认选择的是报告文件。", file=sys.stderr)
        return 3
    except Exception as e:  # noqa: BLE001 - a clerk gets one line, not a traceback
        print(f"错误：ReportDesk 内部错误，未能完成。请把所用文件发给技术支持。({type(e).__name__}: {e!r:.300})", file=sys.stderr)
        return 3


def _quiet_stdout() -> None:
    """After a broken pipe, the interpreter's final flush of stdout must not complain."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
