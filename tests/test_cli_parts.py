"""``reportdesk compare -o review.docx --parts …``: the same choice of parts as the export dialog."""

from __future__ import annotations

from pathlib import Path

from reportdesk.cli import main
from tests.conftest import CORPUS
from tests.export.docx_read import W, part


def _heads(path: Path) -> set[str]:
    body = part(path, "word/document.xml").find(W + "body")
    assert body is not None
    return {"".join(t.text or "" for t in p.iter(W + "t")) for p in body.iter(W + "p")}


def test_parts_choose_what_the_review_document_holds(tmp_path: Path, capsys) -> None:
    out = tmp_path / "r.docx"
    old, new = str(CORPUS / "hailar/2018.txt"), str(CORPUS / "hailar/2019.txt")
    assert main(["compare", old, new, "-o", str(out), "--parts", "tasks,摘要", "--author", "审阅人"]) == 0
    heads = _heads(out)
    assert {"一、主要目标", "任务数量附录"} <= heads
    assert not {"修订稿", "修改对照表", "目标对照表"} & heads


def test_an_unknown_part_is_refused_in_chinese(tmp_path: Path, capsys) -> None:
    old, new = str(CORPUS / "hailar/2018.txt"), str(CORPUS / "hailar/2019.txt")
    try:
        main(["compare", old, new, "-o", str(tmp_path / "r.docx"), "--parts", "summary,cover"])
    except SystemExit as e:
        assert e.code == 2
    err = capsys.readouterr().err
    assert "未知的部分“cover”" in err and "tasks（任务数量附录）" in err
    assert not (tmp_path / "r.docx").exists()
