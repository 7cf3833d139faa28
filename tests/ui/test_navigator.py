from __future__ import annotations

import pytest

from reportdesk.engine.model import ChangeKind
from reportdesk.ui.compare_view import CompareView
from reportdesk.ui.highlight_ranges import change_category
from reportdesk.ui.navigator import ChangeNavigator, short_text


@pytest.fixture
def nav(qtbot, national):
    n = ChangeNavigator()
    qtbot.addWidget(n)
    n.resize(400, 600)
    n.show()
    n.set_comparison(national)
    return n


def test_lists_every_change_in_order(nav, national) -> None:
    assert nav.visible_ids() == [c.id for c in national.changes]
    assert str(len(national.changes)) in nav.count_label.text()


def test_short_text_reads_old_to_new(small) -> None:
    assert short_text(small.changes[0]) == "5% → 4.5%"
    assert short_text(small.changes[1]) == "+ 新质生产力"


@pytest.mark.parametrize("category", ["wording", "target", "move"])
def test_filter_by_kind(nav, national, category) -> None:
    nav.set_filter(category)
    ids = nav.visible_ids()
    expected = [c.id for c in national.changes if change_category(national, c) == category]
    assert ids == expected and ids  # the national pair has each of these


def test_search_box_filters_by_text(nav, national) -> None:
    word = "新质生产力"
    nav.set_filter("", word)
    ids = nav.visible_ids()
    assert ids
    for i in ids:
        c = national.changes[i]
        assert word in c.old_text + c.new_text + c.section
    nav.set_filter("", "")
    assert len(nav.visible_ids()) == len(national.changes)


def test_selecting_a_row_scrolls_both_panes(qtbot, nav, national) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    view.set_texts(national.old.text, national.new.text, "2024年（只读）", "2025年（草稿，可编辑）")
    assert view.set_comparison(national)
    nav.change_activated.connect(view.show_change)
    view.current_change_changed.connect(nav.select_change)
    target = [c for c in national.changes if c.kind is ChangeKind.REPLACE][40]
    row = nav.visible_ids().index(target.id)
    nav.view.setCurrentIndex(nav.proxy.index(row, 0))  # what a click does
    assert view.current_change() == target.id
    assert view.new_editor().span_visible(target.new.start, target.new.start + 2)
    assert view.old_editor().span_visible(target.old.start, target.old.start + 2)
    # The view moving on updates the list without bouncing back.
    nxt = view.next_change()
    assert nav.current_change() == nxt.id == target.id + 1
