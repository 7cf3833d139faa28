from __future__ import annotations

from reportdesk.engine import SectionStatus
from reportdesk.ui.compare_view import CompareView
from reportdesk.ui.outline import OutlineView


def test_outline_tree_follows_the_report(qtbot, national) -> None:
    o = OutlineView()
    qtbot.addWidget(o)
    o.set_report(national.new)
    titles = o.titles()
    assert len(titles) == len(national.new.sections)
    assert "一、2024年工作回顾" in titles
    # Sub-sections （一）… hang under 三、
    tasks = next(i for i, s in enumerate(national.new.sections) if s.number == "三、")
    assert o.tree.topLevelItemCount() < len(titles)
    children = [s for s in national.new.sections if s.parent == tasks]
    item = o._items[tasks]
    assert item.childCount() == len(children) > 0


def test_click_jumps_the_pane(qtbot, national) -> None:
    o = OutlineView()
    qtbot.addWidget(o)
    o.set_comparison_side(national, "new")
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.set_texts(national.old.text, national.new.text, "2024", "2025")
    o.jump_requested.connect(lambda off: view.new_editor().scroll_to_offset(off))
    sec = national.new.sections[-2]
    with qtbot.waitSignal(o.jump_requested) as sig:
        o._on_item(o._items[sec.index])
    assert sig.args == [sec.start]
    assert abs(view.new_editor().offset_at_top() - sec.start) < 1


def test_tags_mark_new_and_removed_sections(qtbot, national) -> None:
    o = OutlineView()
    qtbot.addWidget(o)
    o.set_comparison_side(national, "old")
    removed = [m.old for m in national.sections if m.status is SectionStatus.REMOVED and m.old is not None]
    assert removed
    assert o.titles()[removed[0]].endswith("[removed]")
    o.select_offset(national.old.sections[2].start + 5)
    assert o.tree.currentItem() is o._items[2]
