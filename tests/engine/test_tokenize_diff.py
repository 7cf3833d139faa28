from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdesk.engine.diff.inline import diff_spans_checked
from reportdesk.engine.model import OpKind, Span
from reportdesk.engine.text.tokenize import tokenize

TARGETS = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右。"


def words(text: str) -> list[str]:
    return [text[a:b] for a, b in tokenize(text)]


def test_quantities_are_single_tokens():
    w = words(TARGETS)
    for q in ("5%左右", "1200万人以上", "5.5%左右", "1.3万亿斤以上", "2.5%左右"):
        assert q in w


def test_government_terms_stay_whole():
    w = words(TARGETS)
    assert "国内生产总值" in w and "城镇新增就业" in w


def test_ranges_and_full_width_digits():
    assert "4.5%—5%" in words("增长目标4.5%—5%之间")
    assert "１２００万人" in words("新增就业１２００万人")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="今年发展目标增长５%％，。；1２3.万亿人以上左右 \u3000abc", max_size=60))
def test_tokens_cover_text_in_order(text):
    spans = tokenize(text)
    pos = 0
    for a, b in spans:
        assert a == pos and b > a
        pos = b
    assert pos == len(text)


def _apply(old: str, new: str):
    ops, _ = diff_spans_checked(old, Span(0, len(old)), new, Span(0, len(new)))
    a = "".join(old[o.old.start : o.old.end] for o in ops if o.op in (OpKind.EQUAL, OpKind.DELETE))
    b = "".join(new[o.new.start : o.new.end] for o in ops if o.op in (OpKind.EQUAL, OpKind.INSERT))
    return ops, a, b


def test_word_level_replacement():
    ops, a, b = _apply("着力提高科技创新能力", "着力增强科技创新能力")
    changed = [o for o in ops if o.op is not OpKind.EQUAL]
    assert a == "着力提高科技创新能力" and b == "着力增强科技创新能力"
    texts = {("着力提高科技创新能力"[o.old.start : o.old.end] if o.old else "") for o in changed}
    assert "提高" in texts  # a word, not a character


def test_clause_swap_is_a_move():
    old = "城镇新增就业1200万人以上，城镇调查失业率5.5%左右；"
    new = "城镇调查失业率5.5%左右，城镇新增就业1200万人以上；"
    ops, a, b = _apply(old, new)
    assert a == old and b == new
    moved = [o for o in ops if o.moved]
    assert moved and all(o.op is not OpKind.EQUAL for o in moved)
    assert any(o.op is OpKind.EQUAL and "城镇" in old[o.old.start : o.old.end] for o in ops)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="发展经济增长5%左右，。提高质量城镇就业12万人以上", max_size=40),
       st.text(alphabet="发展经济增长5%左右，。提高质量城镇就业12万人以上", max_size=40))
def test_diff_reconstructs_both_sides(old, new):
    _, a, b = _apply(old, new)
    assert a == old and b == new
