"""Per-report results are found again by content: a new report object of the same text."""

from __future__ import annotations

from dataclasses import replace

from reportdesk.engine import report_from_text
from reportdesk.engine.cache import per_report
from reportdesk.engine.model import Report


def test_same_content_is_not_derived_again() -> None:
    calls: list[str] = []

    @per_report
    def derive(r: Report) -> list[str]:
        calls.append(r.path)
        return [p.text for p in r.paragraphs]

    text = "一、总体要求\n今年经济增长预期目标为5%左右。\n"
    a = report_from_text(text, path="a.txt")
    first = derive(a)
    assert derive(replace(a)) == first  # a copy of the object
    assert derive(report_from_text(text, path="b.txt")) == first  # built again, another path
    assert calls == ["a.txt"]
    derive(report_from_text(text + "新增一段。\n", path="c.txt"))
    assert calls == ["a.txt", "c.txt"]


def test_returned_list_is_a_copy() -> None:
    @per_report
    def derive(r: Report) -> list[int]:
        return [1, 2]

    r = report_from_text("今年。\n", path="a.txt")
    derive(r).append(3)
    assert derive(replace(r)) == [1, 2]
