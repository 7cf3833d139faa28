"""The command line as a user runs it: exit codes, JSON schema, Chinese errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import CORPUS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reportdesk", *args], capture_output=True, text=True, encoding="utf-8"
    )


def test_compare_json_to_stdout():
    r = run("compare", str(CORPUS / "national/2024.txt"), str(CORPUS / "national/2025.txt"), "--json", "-")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["schema"] == "reportdesk.compare/1"
    assert data["old"]["year"] == 2024 and data["new"]["year"] == 2025
    assert {"path", "title", "year", "chars"} <= set(data["old"])
    assert {"stats", "sections", "changes", "target_changes"} <= set(data)
    sec = data["sections"][0]
    assert set(sec) == {"old_heading", "new_heading", "similarity", "status"}
    cpi = [c for c in data["changes"] if "3%左右" in c["old_text"] and "2%左右" in c["new_text"]]
    assert cpi and cpi[0]["old_text"] == "3%左右"
    assert {"id", "kind", "section", "old_text", "new_text", "old_start", "old_end", "new_start", "new_end"} <= set(cpi[0])
    assert any(c["kind"] == "move" and "城镇调查失业率" in c["new_text"] for c in data["changes"])


def test_json_offsets_index_text_command_output():
    old = str(CORPUS / "hailar/2018.txt")
    new = str(CORPUS / "hailar/2019.txt")
    data = json.loads(run("compare", old, new, "--json", "-").stdout)
    old_text = run("text", old).stdout[:-1]
    new_text = run("text", new).stdout[:-1]
    for c in data["changes"]:
        assert old_text[c["old_start"] : c["old_end"]] == c["old_text"]
        assert new_text[c["new_start"] : c["new_end"]] == c["new_text"]


def test_summary_is_readable():
    r = run("compare", str(CORPUS / "national/2024.txt"), str(CORPUS / "national/2025.txt"), "--limit", "300")
    assert r.returncode == 0
    assert "章节" in r.stdout and "处变化" in r.stdout
    assert "2%左右" in r.stdout


def test_bad_input_exit_2_with_chinese_message(tmp_path):
    doc = tmp_path / "old.doc"
    doc.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600)
    r = run("compare", str(doc), str(CORPUS / "national/2025.txt"))
    assert r.returncode == 2
    assert "docx" in r.stderr and "Traceback" not in r.stderr
    assert any("\u4e00" <= ch <= "\u9fff" for ch in r.stderr)
    missing = run("text", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_text_outline():
    r = run("text", str(CORPUS / "national/2025.txt"), "--outline")
    assert r.returncode == 0
    assert "2024年工作回顾" in r.stdout


def _copies(tmp_path):
    old, new = tmp_path / "2024.txt", tmp_path / "稿 2025.txt"
    old.write_bytes((CORPUS / "national/2024.txt").read_bytes())
    new.write_bytes((CORPUS / "national/2025.txt").read_bytes())
    return old, new


def test_json_onto_an_input_is_refused_and_the_input_kept(tmp_path):
    old, new = _copies(tmp_path)
    before = new.read_bytes()
    link = tmp_path / "硬链接.txt"
    link.hardlink_to(new)
    for args in (
        ("compare", str(old), str(new), "--json", str(new)),
        ("compare", str(old), str(new), "--json", str(link)),
        ("targets", str(new), "--json", str(new)),
        ("series", str(old), str(new), "--json", str(tmp_path / "x" / ".." / new.name)),
    ):
        r = run(*args)
        assert r.returncode == 2, (args, r.stderr)
        assert "覆盖" in r.stderr and "Traceback" not in r.stderr
        assert new.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["2024.txt", "稿 2025.txt", "硬链接.txt"])


def test_json_into_a_missing_folder_or_onto_a_folder_exits_2(tmp_path):
    old, new = _copies(tmp_path)
    for dest in (tmp_path / "无此文件夹" / "out.json", tmp_path):
        r = run("targets", str(new), "--json", str(dest))
        assert r.returncode == 2, r.stderr
        assert r.stderr.startswith("错误：") and "Traceback" not in r.stderr


def test_json_file_written_whole(tmp_path):
    old, new = _copies(tmp_path)
    out = tmp_path / "结果.json"
    out.write_text("old", encoding="utf-8")
    r = run("compare", str(old), str(new), "--json", str(out))
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "reportdesk.compare/1"
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_word_symbol_with_a_surrogate_code_still_compares_to_a_json_file(tmp_path):
    """Found by tests/fuzz: a w:sym with char D800 crashed the UTF-8 JSON write."""
    from tests.engine.test_load_errors import _with_sym

    base = CORPUS / "docx/2025_liaoning.docx"
    sym = _with_sym(base, tmp_path / "sym.docx", "DBFF")
    out = tmp_path / "out.json"
    r = run("compare", str(base), str(sym), "--json", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text("utf-8"))
    assert any("\ufffd" in c["new_text"] for c in data["changes"])


@pytest.mark.skipif(sys.platform == "win32", reason="Windows cannot send SIGINT to a child (Ctrl+C is a console event)")
def test_ctrl_c_prints_one_chinese_line_and_exits_130(tmp_path):
    import os
    import signal
    import time

    # Long enough to be still at work when the signal comes, however fast the machine and
    # whatever the token cache holds: every national report, twice a side (~480k characters).
    texts = [(CORPUS / f"national/{y}.txt").read_text("utf-8") for y in range(2013, 2026)]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n".join(texts * 2), "utf-8")
    new.write_text("\n".join(texts[::-1] * 2), "utf-8")
    # A clerk's terminal delivers Ctrl+C; a test run started in the background (cmd &) ignores
    # SIGINT, and the child would inherit that: give it the terminal's default back.
    p = subprocess.Popen(
        [sys.executable, "-m", "reportdesk", "compare", str(old), str(new), "--json", "-"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "REPORTDESK_NO_TOKEN_CACHE": "1"},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    try:
        time.sleep(2.0)  # loading jieba or comparing: either way one line, exit 130
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=30)
    finally:
        if p.poll() is None:  # never leave it running into the next tests
            p.kill()
            p.communicate()
    text = err.decode("utf-8")
    assert p.returncode == 130, text
    assert text.strip() == "已中断。"


def test_internal_error_is_one_line_not_a_traceback(tmp_path):
    """A bug somewhere in the engine: the clerk gets one 错误： line and exit 3."""
    script = (
        "import sys, reportdesk.engine as e\n"
        "def boom(*a, **k): raise KeyError('bug')\n"
        "e.compare_paths = boom\n"
        "from reportdesk.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", script, "compare", str(CORPUS / "hailar/2018.txt"), str(CORPUS / "hailar/2019.txt")],
        capture_output=True, text=True, encoding="utf-8",
    )  # fmt: skip
    assert r.returncode == 3
    assert r.stderr.startswith("错误：") and "Traceback" not in r.stderr and "KeyError" in r.stderr


def test_help_is_chinese_throughout():
    # argparse's own strings (usage, headings, -h, errors) are translated too (issue 13).
    for args in (("compare", "-h"), ("text", "-h"), ("targets", "-h"), ("series", "-h")):
        r = run(*args)
        assert r.returncode == 0
        assert r.stdout.startswith("用法：") and "位置参数：" in r.stdout and "选项：" in r.stdout
        for english in ("usage", "positional arguments", "options:", "show this help"):
            assert english not in r.stdout, (args, english)
    bad = run("compare", str(CORPUS / "national/2025.txt"), "--json")
    assert bad.returncode == 2
    assert "错误：参数 --json：需要一个值" in bad.stderr and "error" not in bad.stderr
    missing = run("compare")
    assert "缺少必需的参数：old, new" in missing.stderr


def test_outline_roles_are_chinese():
    r = run("text", str(CORPUS / "national/2025.txt"), "--outline")
    assert "[开篇，2段]" in r.stdout and "[工作回顾，" in r.stdout and "[工作任务，" in r.stdout
    for role in ("preamble", "review", "requirements", "tasks", "government", "other"):
        assert f"[{role}，" not in r.stdout


def test_targets_table_has_a_header_whole_sections_and_aligns_by_display_width():
    import unicodedata

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)

    r = run("targets", str(CORPUS / "national/2025.txt"))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    header = lines[1]
    assert header.split() == ["指标", "数值", "增/减", "类别", "原文"]
    # Section names whole, on their own line.
    assert "〔二、2025年经济社会发展总体要求和政策取向〕" in lines
    rows = [ln for ln in lines[2:] if ln.startswith("  ")]
    assert rows
    # Every row's 原文 column starts at the same display column as the header's.
    col = width(header[: header.index("原文")])
    for ln in rows:
        quote_start = ln.index("  目标  ") + len("  目标  ")
        assert width(ln[:quote_start]) == col, ln


def test_the_command_names_the_window_start_checks_are_the_cli_commands() -> None:
    # ``reportdesk X``: X in app.names.COMMANDS runs the command line, else the window opens
    # (read without importing cli, which imports the engine); a new command must be in both.
    import argparse

    from reportdesk import cli
    from reportdesk.app.names import COMMANDS

    subs = [a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert subs and set(subs[0].choices) == set(COMMANDS)
