"""A report as loaded and structured: raw paragraphs, sentences, paragraphs, sections."""

from __future__ import annotations

from dataclasses import dataclass

from reportdesk.engine.model.base import Span, Spanned, StrEnum


@dataclass(frozen=True)
class RawParagraph:
    """One paragraph as a loader found it, with the structure hints the file format gives.

    ``style_level`` is 1..4 when the source marks it as a heading (a Word heading
    style or outline level); ``numbering`` is the label Word's automatic
    numbering would draw in front of it (e.g. ``"一、"``), which is not in the text.
    """

    text: str
    style_level: int | None = None
    numbering: str | None = None
    in_table: bool = False


class DocFormat(StrEnum):
    TXT = "txt"
    DOCX = "docx"


@dataclass(frozen=True)
class LoadedDocument:
    path: str
    format: DocFormat
    encoding: str  # detected text encoding, "docx" for Word files
    paragraphs: tuple[RawParagraph, ...]
    title: str = ""  # from document properties where the format has them
    # What the clerk should know about how the file was read, in plain Chinese
    # (tracked changes accepted, comments left out, text boxes and notes read …).
    notices: tuple[str, ...] = ()


# ---------------------------------------------------------------- structure


class BlockKind(StrEnum):
    FRONT = "front"  # title, date line, speaker, page clutter
    HEADING = "heading"  # a paragraph that is only a heading
    BODY = "body"  # ordinary paragraph (may start with a run-in heading)
    CLOSING = "closing"  # page chrome after the body (责任编辑, 打印本页 …)


class Part(StrEnum):
    """The conventional parts of a work report."""

    PREAMBLE = "preamble"  # 各位代表 … before the first section
    REVIEW = "review"  # 工作回顾
    REQUIREMENTS = "requirements"  # 总体要求 / 主要预期目标
    TASKS = "tasks"  # 工作任务 / 工作安排
    GOVERNMENT = "government"  # 政府自身建设
    OTHER = "other"


@dataclass(frozen=True)
class Sentence(Spanned):
    span: Span
    text: str
    clauses: tuple[Span, ...] = ()  # split at ，、；： outside quotes/brackets


@dataclass(frozen=True)
class Paragraph(Spanned):
    index: int
    span: Span
    text: str
    kind: BlockKind
    level: int = 0  # heading level 1..4 (一、 （一） 1. （1）); 0 for body text
    heading_end: int = -1  # end offset of a (run-in) heading; -1 when none
    section: int = -1  # index into Report.sections; -1 for front matter
    sentences: tuple[Sentence, ...] = ()
    clutter: bool = False  # web-page chrome (【字体：大 中 小】, 分享, 打印本页 …), front or closing

    @property
    def has_heading(self) -> bool:
        return self.heading_end >= 0


@dataclass(frozen=True)
class Section(Spanned):
    index: int
    heading: str  # heading text without its number, e.g. "2024年工作回顾"
    number: str  # the label as written, e.g. "一、" or "（一）"; "" for the preamble
    level: int  # 0 preamble, 1..4
    part: Part
    # From the start of the heading paragraph to the end of the last paragraph
    # before the next heading of any level.
    span: Span
    paragraphs: tuple[int, ...]  # paragraph indices it holds directly
    parent: int | None = None

    @property
    def title(self) -> str:
        return f"{self.number}{self.heading}"


@dataclass(frozen=True)
class Report:
    path: str
    title: str
    year: int | None  # the year the report is given in (2025 for the 2025 report)
    text: str  # normalized plain text; paragraphs separated by "\n"
    raw: str  # the text as loaded (paragraphs joined by "\n")
    raw_offsets: tuple[int, ...]  # len(text)+1 entries: text offset -> raw offset
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    encoding: str = ""
    format: DocFormat = DocFormat.TXT
    notices: tuple[str, ...] = ()  # LoadedDocument.notices of the file it was built from

    @property
    def body_start(self) -> int:
        for p in self.paragraphs:
            if p.kind is not BlockKind.FRONT:
                return p.start
        return len(self.text)

    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    def paragraph_at(self, pos: int) -> Paragraph | None:
        import bisect

        starts = [p.start for p in self.paragraphs]
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and self.paragraphs[i].start <= pos <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def section_at(self, pos: int) -> Section | None:
        p = self.paragraph_at(pos)
        if p is None or p.section < 0:
            return None
        return self.sections[p.section]
