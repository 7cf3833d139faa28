"""Sentence and clause segmentation: examples from the reports and invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdesk.engine.text.segment import split_sentences


def texts(s: str) -> list[str]:
    return [x.text for x in split_sentences(s, 0, len(s))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、2024年工作回顾", ["一、2024年工作回顾"]),
        (
            "（一）大力提振消费、提高投资效益，全方位扩大国内需求。促进消费和投资更好结合。",
            ["（一）大力提振消费、提高投资效益，全方位扩大国内需求。", "促进消费和投资更好结合。"],
        ),
        ("坚持“两个毫不动摇”。加快发展！", ["坚持“两个毫不动摇”。", "加快发展！"]),
        # a terminator inside quotes ends the sentence only with its closing quote
        (
            "他强调：“要稳中求进。要守正创新。”我们坚决落实。",
            ["他强调：“要稳中求进。要守正创新。”", "我们坚决落实。"],
        ),
        ("坚决完成任务！”下一句。", ["坚决完成任务！”", "下一句。"]),
        ("要求“……”。其后", ["要求“……”。", "其后"]),
        ("（注：见附件。）后文；再后文", ["（注：见附件。）", "后文；", "再后文"]),
        ("《关于推动经济稳进提质的若干政策措施》。", ["《关于推动经济稳进提质的若干政策措施》。"]),
        ("如此等等……后面还有", ["如此等等……", "后面还有"]),
        ("新增1.6万人。增长2.5%。", ["新增1.6万人。", "增长2.5%。"]),
        ("深化行动;确保达标!好吗?是的", ["深化行动;", "确保达标!", "好吗?", "是的"]),
        ("真的吗？！是的。", ["真的吗？！", "是的。"]),
        ("  \u3000 ", []),
        ("", []),
        ("  前有空格。  后有空格  ", ["前有空格。", "后有空格"]),
        # a lost closing quote does not glue the rest of the paragraph together
        ("提出“新目标。继续推进。完成任务。", ["提出“新目标。", "继续推进。", "完成任务。"]),
    ],
)
def test_examples(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_are_absolute_and_range_limited() -> None:
    text = "前文。一、2024年工作回顾\n过去一年，成绩显著。后文。"
    start = text.index("过去")
    end = text.index("后文")
    got = split_sentences(text, start, end)
    assert [s.text for s in got] == ["过去一年，成绩显著。"]
    assert all(text[s.start : s.end] == s.text for s in got)
    assert got[0].start == start


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (
            "深化蓝天保卫行动,加强餐饮油烟、扬尘等重点污染源监管,确保空气优良率稳定在80%以上。",
            [
                "深化蓝天保卫行动,",
                "加强餐饮油烟、扬尘等重点污染源监管,",
                "确保空气优良率稳定在80%以上。",
            ],
        ),
        (
            "今年发展主要预期目标是：国内生产总值增长5%左右。",
            ["今年发展主要预期目标是：", "国内生产总值增长5%左右。"],
        ),
        ("17:10发布，共1,000人。", ["17:10发布，", "共1,000人。"]),
        ("坚持“稳中求进，以进促稳”，守正创新。", ["坚持“稳中求进，以进促稳”，", "守正创新。"]),
    ],
)
def test_clauses(text: str, clauses: list[str]) -> None:
    (sent,) = split_sentences(text, 0, len(text))
    assert [text[c.start : c.end] for c in sent.clauses] == clauses


def test_seed_excerpt_half_width(corpus_dir: Path) -> None:
    text = (corpus_dir / "seed" / "jinniu-2024-plan-excerpt.txt").read_text(encoding="utf-8")
    first_line = text.split("\n", 1)[0]
    sents = split_sentences(first_line, 0, len(first_line))
    assert sents[0].text == "(三)持续做优生态环境。"
    assert len(sents[1].clauses) >= 2  # split at half-width ','
    assert all(len(s.text) < 400 for s in sents)


def test_national_report_sentence_lengths(corpus_dir: Path) -> None:
    text = (corpus_dir / "national" / "2025.txt").read_text(encoding="utf-8")
    sents = split_sentences(text, 0, len(text))
    assert len(sents) > 400
    # quote-awareness must not glue whole paragraphs together
    assert max(len(s.text) for s in sents) < 500


_ALPHABET = st.sampled_from(
    list("发展改革经济一二三年")
    + list("。！？；!?;…，、：,:“”‘’《》（）()【】 \u3000\n")
    + list("0123.%")
)


def _check_cover(text: str, start: int, end: int) -> None:
    sents = split_sentences(text, start, end)
    prev = start
    covered = set()
    for s in sents:
        assert start <= prev <= s.start < s.end <= end  # ordered, disjoint, inside
        assert s.text == text[s.start : s.end]
        assert not s.text[0].isspace() and not s.text[-1].isspace()
        prev = s.end
        covered.update(range(s.start, s.end))
        cprev = s.start
        for c in s.clauses:
            assert cprev <= c.start < c.end <= s.end
            cprev = c.end
        clause_chars = {i for c in s.clauses for i in range(c.start, c.end)}
        assert all(text[i].isspace() for i in range(s.start, s.end) if i not in clause_chars)
    for i in range(start, end):
        if i not in covered:
            assert text[i].isspace(), f"non-space {text[i]!r} at {i} not in a sentence"


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=80), st.data())
def test_sentences_partition_non_space_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    _check_cover(text, start, end)
