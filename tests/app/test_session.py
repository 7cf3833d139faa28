"""Session: dirty state, captions, which paths may be overwritten."""

from __future__ import annotations

import pytest

from reportdesk.app.session import Session, year_label
from reportdesk.engine.structure.build import report_from_text


@pytest.fixture
def session(tmp_path):
    old_p, new_p = tmp_path / "2024年报告.txt", tmp_path / "2025年报告.txt"
    old_p.write_text("旧", encoding="utf-8")
    new_p.write_text("新", encoding="utf-8")
    s = Session()
    s.open_pair(report_from_text("旧文本", str(old_p), year=2024), report_from_text("新文本", str(new_p), year=2025))
    return s


def test_caption_and_dirty(session):
    assert not session.dirty
    assert session.window_caption() == "2024年报告 ⇄ 2025年报告（草稿）"
    rev = session.draft_revision
    assert session.edit("新文本改") == rev + 1
    assert session.dirty
    assert session.window_caption().endswith("*")
    session.edit("新文本")
    assert not session.dirty  # typed back to the saved text


def test_opened_file_needs_a_question_until_confirmed(session, tmp_path):
    opened = session.new_path
    assert session.needs_overwrite_question(opened)
    assert not session.needs_overwrite_question(str(tmp_path / "other.txt"))
    session.mark_saved(str(tmp_path / "other.txt"), "x")
    assert session.needs_overwrite_question(opened)
    session.confirmed_overwrite = True
    assert not session.needs_overwrite_question(opened)


def test_inputs_are_recognised_through_other_spellings(session, tmp_path):
    assert session.is_input(str(tmp_path / "." / "2024年报告.txt"))
    assert not session.is_input(str(tmp_path / "审阅稿.docx"))


def test_year_label_from_file_name_when_the_report_has_no_year():
    assert year_label(None, "/x/2019年海拉尔区报告.docx") == "2019年报告"
    assert year_label(None, "/x/draft.txt") == "draft"
