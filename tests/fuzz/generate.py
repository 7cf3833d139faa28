"""Mutated inputs made from the real reports in ``tests/corpus/`` (deterministic).

Case ``i`` of seed ``S`` depends on ``(S, i)`` only, so any case can be rebuilt on
its own (``python -m tests.fuzz --seed S --case i``) and workers make their own
cases without shipping bytes around.  Each case has the mutated file and the
unmutated base it came from (same format), so the comparison of base → mutant can
be checked too.

Mutations: byte flips, truncation, re-encodings (utf-8, gbk, gb18030, big5, utf-16
with and without BOM, latin-1 mojibake), structural text edits (paragraphs deleted,
duplicated, swapped; punctuation removed; one huge line; only punctuation; odd
whitespace; control characters; very long numbers; headings only; empty), broken
.docx packages (truncated zip, bad XML, missing document.xml, wrong content types,
odd compression methods, encrypted flag) and expanding ones (huge numbering start
values, deep ilvl, many empty paragraphs, w:sym with unpaired surrogates).
"""

from __future__ import annotations

import io
import random
import re
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from tests.engine import docx_factory as F

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXT_GLOBS = ("national/*.txt", "hailar/*.txt", "variants/*.txt")
DOCX_GLOBS = ("docx/*.docx",)


@dataclass(frozen=True)
class Case:
    index: int
    mutation: str  # e.g. "text:swap_paragraphs+enc:gbk"
    base_name: str  # corpus file the case came from
    suffix: str  # file extension the mutant is saved with
    data: bytes  # the mutant
    base_suffix: str
    base_data: bytes  # the unmutated (possibly excerpted) base


@cache
def text_bases() -> tuple[tuple[str, str], ...]:
    out = []
    for g in TEXT_GLOBS:
        for p in sorted(CORPUS.glob(g)):
            out.append((str(p.relative_to(CORPUS)), p.read_text("utf-8")))
    return tuple(out)


@cache
def docx_bases() -> tuple[tuple[str, bytes], ...]:
    return tuple(
        (str(p.relative_to(CORPUS)), p.read_bytes()) for g in DOCX_GLOBS for p in sorted(CORPUS.glob(g))
    )


# ------------------------------------------------------------------ text mutations

Rng = random.Random
PUNCT = "，。、；：？！“”‘’（）《》—…·,.;:?!()[]%"
HEADING_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）)")


def _paras(text: str) -> list[str]:
    return text.split("\n")


def _join(paras: list[str]) -> str:
    return "\n".join(paras)


def t_delete_paragraphs(r: Rng, t: str) -> str:
    ps = _paras(t)
    for _ in range(r.randint(1, max(1, len(ps) // 4))):
        if ps:
            del ps[r.randrange(len(ps))]
    return _join(ps)


def t_duplicate_paragraphs(r: Rng, t: str) -> str:
    ps = _paras(t)
    for _ in range(r.randint(1, 10)):
        i = r.randrange(len(ps))
        ps[i:i] = [ps[i]] * r.randint(1, 5)
    return _join(ps)


def t_swap_paragraphs(r: Rng, t: str) -> str:
    ps = _paras(t)
    for _ in range(r.randint(1, 10)):
        i, j = r.randrange(len(ps)), r.randrange(len(ps))
        ps[i], ps[j] = ps[j], ps[i]
    return _join(ps)


def t_shuffle(r: Rng, t: str) -> str:
    ps = _paras(t)
    r.shuffle(ps)
    return _join(ps)


def t_no_punctuation(r: Rng, t: str) -> str:
    return "".join(c for c in t if c not in PUNCT)


def t_one_line(r: Rng, t: str) -> str:
    return t.replace("\n", r.choice(["", " ", "\u3000"]))


def t_only_punctuation(r: Rng, t: str) -> str:
    n = r.choice([1, 10, 1000, 50000])
    return "".join(r.choice(PUNCT + "\n") for _ in range(n))


def t_odd_whitespace(r: Rng, t: str) -> str:
    odd = ["\u3000", "\u00a0", "\u2028", "\u2029", "\x0b", "\x0c", "\r", "\r\n", "\x85",
           "\u200b", "\ufeff", "\t", "\u200e", "\u202e", "  \n  "]  # fmt: skip
    if r.random() < 0.3:
        return t.replace("\n", r.choice(odd))
    chars = list(t)
    for _ in range(r.randint(1, 300)):
        chars.insert(r.randrange(len(chars) + 1), r.choice(odd))
    return "".join(chars)


def t_control_chars(r: Rng, t: str) -> str:
    chars = list(t)
    for _ in range(r.randint(1, 50)):
        chars.insert(r.randrange(len(chars) + 1), chr(r.choice([*range(0, 32), 127, 0x80, 0x9F])))
    return "".join(chars)


def t_long_numbers(r: Rng, t: str) -> str:
    def number() -> str:
        n = r.choice([20, 28, 29, 40, 300, 5000])
        kind = r.randrange(7)
        digits = "".join(r.choice("0123456789") for _ in range(n))
        if kind == 0:
            return digits
        if kind == 1:
            return "0." + digits + "%"
        if kind == 2:
            return "".join(chr(0xFF10 + int(d)) for d in digits)  # full-width
        if kind == 3:
            return "".join(r.choice("零一二三四五六七八九十百千万亿") for _ in range(n)) + "亿元"
        if kind == 4:
            return ",".join(digits[k : k + 3] for k in range(0, n, 3)) + "万元"
        if kind == 5:
            return digits[: n // 2] + "." + digits[n // 2 :] + "个百分点"
        return f"{digits[:5]}e{digits[5:9]}" + r.choice(["%", "倍", "万吨", "‰", "亿"])

    out = t
    for _ in range(r.randint(1, 10)):
        k = r.randrange(len(out) + 1)
        out = out[:k] + "增长" + number() + "，" + out[k:]
    # And replace some existing numbers with long ones.
    return re.sub(r"\d+(?:\.\d+)?", lambda m: number() if r.random() < 0.1 else m.group(0), out)


def t_headings_only(r: Rng, t: str) -> str:
    return _join([p for p in _paras(t) if HEADING_RE.match(p)])


def t_heading_markers(r: Rng, t: str) -> str:
    marker = r.choice(["一、", "（一）", "1.", "（1）", "第一，", "十一、", "一百二十三、"])
    n = r.choice([1, 100, 5000])
    glue = r.choice(["", "\n"])
    return glue.join([marker] * n) + ("\n" + t if r.random() < 0.5 else "")


def t_empty(r: Rng, t: str) -> str:
    return r.choice(["", " ", "\n\n\n", "\u3000\n", "\ufeff", "\u200b", "。", "一、"])


def t_huge_line(r: Rng, t: str) -> str:
    piece = r.choice(["发展", "经济增长5%左右，", "a", "。", "12345", t[:200] or "x"])
    return piece * (r.choice([20000, 200000, 2_000_000]) // max(1, len(piece)))


def t_random_unicode(r: Rng, t: str) -> str:
    pool = ["\U0001F600", "\u0301" * 50, "\uE000", "\U000F0000", "\u0627\u0644", "\uFFFD",
            "\U00020000", "\u2FF0", "\u3007", "\uFF05", "\u00BD", "\u2155", "\u216B", "\u2460"]  # fmt: skip
    chars = list(t)
    for _ in range(r.randint(1, 100)):
        chars.insert(r.randrange(len(chars) + 1), r.choice(pool))
    return "".join(chars)


def t_surrogates(r: Rng, t: str) -> str:
    """Lone surrogates in the text (encoded with surrogatepass → bytes no decoder accepts
    cleanly); the .docx path gets them through w:sym."""
    chars = list(t)
    for _ in range(r.randint(1, 5)):
        chars.insert(r.randrange(len(chars) + 1), chr(r.randint(0xD800, 0xDFFF)))
    return "".join(chars)


def t_long_sentence(r: Rng, t: str) -> str:
    return t.replace("。", "，").replace("；", "，")


def t_tiny_sentences(r: Rng, t: str) -> str:
    return "".join(c + ("。" if r.random() < 0.5 else "") for c in t)


def t_chunk_swap(r: Rng, t: str) -> str:
    if len(t) < 10:
        return t
    a, b = sorted(r.sample(range(len(t)), 2))
    c, d = sorted(r.sample(range(len(t)), 2))
    return t[:a] + t[c:d] + t[b:]


TEXT_MUTATIONS: dict[str, Callable[[Rng, str], str]] = {
    name[2:]: fn for name, fn in dict(globals()).items() if name.startswith("t_") and callable(fn)
}


# ------------------------------------------------------------------ encodings and bytes


def encode(r: Rng, text: str) -> tuple[str, bytes]:
    kind = r.choice(["utf-8", "utf-8", "utf-8", "utf-8-sig", "gbk", "gb18030", "big5", "utf-16",
                     "utf-16-le", "utf-16-be", "utf-32", "latin-1-mojibake", "cp1252-mojibake",
                     "mixed"])  # fmt: skip
    if kind.endswith("mojibake"):
        codec = kind.split("-mojibake")[0]
        return kind, text.encode("utf-8", "surrogatepass").decode(codec, "replace").encode("utf-8", "surrogatepass")
    if kind == "mixed":
        half = len(text) // 2
        return kind, text[:half].encode("utf-8", "surrogatepass") + text[half:].encode("gbk", "replace")
    errors = "surrogatepass" if kind.startswith("utf") else "replace"
    return kind, text.encode(kind, errors)


def b_flip(r: Rng, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(r.randint(1, 30)):
        if b:
            b[r.randrange(len(b))] ^= 1 << r.randrange(8)
    return bytes(b)


def b_set(r: Rng, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(r.randint(1, 30)):
        if b:
            b[r.randrange(len(b))] = r.choice([0, 0xFF, 0x80, 0xC0, 0xE4, 0xED, 0x0A, r.randrange(256)])
    return bytes(b)


def b_truncate(r: Rng, data: bytes) -> bytes:
    return data[: r.randrange(len(data) + 1)] if data else data


def b_insert(r: Rng, data: bytes) -> bytes:
    k = r.randrange(len(data) + 1)
    return data[:k] + bytes(r.randrange(256) for _ in range(r.randint(1, 200))) + data[k:]


def b_delete(r: Rng, data: bytes) -> bytes:
    if not data:
        return data
    k = r.randrange(len(data))
    return data[:k] + data[k + r.randint(1, 500) :]


def b_random(r: Rng, data: bytes) -> bytes:
    return bytes(r.randrange(256) for _ in range(r.choice([1, 16, 1000, 50000])))


BYTE_MUTATIONS: dict[str, Callable[[Rng, bytes], bytes]] = {
    name[2:]: fn for name, fn in dict(globals()).items() if name.startswith("b_") and callable(fn)
}


# ------------------------------------------------------------------ docx


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    return buf.getvalue()


_WT = re.compile(rb"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")


def d_text_mutation(r: Rng, data: bytes) -> tuple[str, bytes]:
    """A text mutation applied to the w:t runs of document.xml."""
    m = _members(data)
    name, fn = r.choice(sorted(TEXT_MUTATIONS.items()))
    if name in ("surrogates", "huge_line", "empty", "only_punctuation", "heading_markers"):
        name, fn = "long_numbers", TEXT_MUTATIONS["long_numbers"]

    def sub(mm: re.Match[bytes]) -> bytes:
        if r.random() > 0.2:
            return mm.group(0)
        text = mm.group(2).decode("utf-8")
        new = fn(r, text) if text else text
        new = "".join(c for c in new if c in "\t\n\r" or (ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF))
        new = new.replace("\ufffe", "").replace("\uffff", "")
        return mm.group(1) + escape(new).encode("utf-8") + mm.group(3)

    m["word/document.xml"] = _WT.sub(sub, m["word/document.xml"])
    return "text_" + name, _zip(m)


def d_truncate_zip(r: Rng, data: bytes) -> tuple[str, bytes]:
    return "truncate_zip", data[: r.randrange(len(data))]


def d_flip_zip(r: Rng, data: bytes) -> tuple[str, bytes]:
    return "flip_zip", b_flip(r, data)


def d_bad_xml(r: Rng, data: bytes) -> tuple[str, bytes]:
    m = _members(data)
    part = r.choice(["word/document.xml"] * 3 + ["word/styles.xml", "word/numbering.xml",
                                                 "docProps/core.xml", "word/_rels/document.xml.rels",
                                                 "_rels/.rels", "[Content_Types].xml"])  # fmt: skip
    x = m.get(part, b"")
    how = r.randrange(6)
    if how == 0 and x:
        x = x[: r.randrange(len(x))]
    elif how == 1:
        k = r.randrange(len(x) + 1)
        x = x[:k] + r.choice([b"<", b"&foo;", b"</w:p>", b"<w:p>", b"\x00", b"\xff\xfe", b"]]>"]) + x[k:]
    elif how == 2:
        x = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;'
             b'&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' + re.sub(rb"^<\?xml[^>]*\?>", b"", x))  # fmt: skip
    elif how == 3:
        x = b""
    elif how == 4:
        x = re.sub(rb"xmlns:w=\"[^\"]*\"", b'xmlns:w="urn:nothing"', x)
    else:
        x = x.replace(b"encoding=\"UTF-8\"", b"encoding=\"UTF-16\"")
    m[part] = x
    return "bad_xml_" + part.rsplit("/", 1)[-1], _zip(m)


def d_missing_part(r: Rng, data: bytes) -> tuple[str, bytes]:
    m = _members(data)
    part = r.choice(sorted(m))
    del m[part]
    return "missing_" + part.rsplit("/", 1)[-1], _zip(m)


def d_content_types(r: Rng, data: bytes) -> tuple[str, bytes]:
    m = _members(data)
    m["[Content_Types].xml"] = r.choice([
        b"", b"<Types/>", m["[Content_Types].xml"].replace(b"wordprocessingml", b"spreadsheetml"),
        m["[Content_Types].xml"].replace(b"document.main", b"template.main"),
    ])  # fmt: skip
    if r.random() < 0.3:  # a renamed main part, found through the relationships
        m["word/main.xml"] = m.pop("word/document.xml")
        m["_rels/.rels"] = m["_rels/.rels"].replace(b"word/document.xml", b"word/main.xml")
    return "content_types", _zip(m)


def d_compression(r: Rng, data: bytes) -> tuple[str, bytes]:
    m = _members(data)
    how = r.choice(["stored", "bzip2", "lzma", "unknown", "encrypted"])
    if how in ("stored", "bzip2", "lzma"):
        method = {"stored": zipfile.ZIP_STORED, "bzip2": zipfile.ZIP_BZIP2, "lzma": zipfile.ZIP_LZMA}[how]
        return "compression_" + how, _zip(m, method)
    out = bytearray(_zip(m, zipfile.ZIP_STORED))
    # Patch the local and central headers of word/document.xml.
    target = b"word/document.xml"
    for sig, flag_off, method_off, name_off in ((b"PK\x03\x04", 6, 8, 30), (b"PK\x01\x02", 8, 10, 46)):
        pos = 0
        while (pos := out.find(sig, pos)) >= 0:
            n = struct.unpack_from("<H", out, pos + (26 if sig == b"PK\x03\x04" else 28))[0]
            if out[pos + name_off : pos + name_off + n] == target:
                if how == "unknown":
                    struct.pack_into("<H", out, pos + method_off, r.choice([1, 6, 9, 97, 98, 99]))
                else:
                    struct.pack_into("<H", out, pos + flag_off, 1)
            pos += 4
    return "compression_" + how, bytes(out)


def _num_docx(body: str, numbering: str) -> bytes:
    buf = io.BytesIO()
    F.make_docx(buf, body, numbering=numbering)  # type: ignore[arg-type]
    return buf.getvalue()


def d_numbering(r: Rng, data: bytes) -> tuple[str, bytes]:
    """Synthetic documents with absurd numbering: huge starts, deep ilvl, bad values."""
    start = r.choice(["999999999999999999999999", "-5", "0", "abc", "2147483648", "1e9", "99999",
                      "", "340282366920938463463374607431768211456"])  # fmt: skip
    fmt = r.choice(["chineseCounting", "decimal", "upperRoman", "lowerLetter", "chineseLegalSimplified",
                    "ideographTraditional", "decimalEnclosedCircle", "bogus", "cardinalText",
                    "ordinalText", "decimalFullWidth", "japaneseCounting"])  # fmt: skip
    ilvl = r.choice([0, 1, 8, 9, 10, 255, 99999, -1, 2**40])
    levels = "".join(F.level(k, fmt, f"%{k + 1}、" + "%1" * r.choice([0, 1, 50]), start=0) for k in range(9))
    levels = levels.replace('<w:start w:val="0"/>', f'<w:start w:val="{start}"/>')
    numbering = F.abstract(0, levels) + F.num(1, 0)
    if r.random() < 0.3:
        numbering += F.num(2, 0, f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>')
    n = r.choice([3, 100, 2000])
    body = "".join(
        F.p(f"第{k}项工作，增长{k}%。", F.num_pr(r.choice([1, 2, 7]), r.choice([0, ilvl, None]))) for k in range(n)
    )
    return f"numbering_start={start[:12]}_ilvl={ilvl}_fmt={fmt}_n={n}", _num_docx(body, numbering)


def d_empty_paragraphs(r: Rng, data: bytes) -> tuple[str, bytes]:
    m = _members(data)
    n = r.choice([1000, 100_000, 1_000_000])
    blob = r.choice([b"<w:p/>", b"<w:p><w:r><w:t></w:t></w:r></w:p>", b"<w:p><w:r><w:br/></w:r></w:p>"])
    m["word/document.xml"] = m["word/document.xml"].replace(b"<w:body>", b"<w:body>" + blob * n, 1)
    return f"empty_paragraphs_{n}", _zip(m)


def d_sym(r: Rng, data: bytes) -> tuple[str, bytes]:
    m = _members(data)
    chars = ["D800", "DFFF", "DBFF", "DC00", "110000", "FFFFFFFF", "-1", "0", "1F", "FFFE", "F020", "zz", ""]
    sym = "".join(f'<w:sym w:font="Wingdings" w:char="{r.choice(chars)}"/>' for _ in range(r.randint(1, 3)))
    x = m["word/document.xml"]
    hits = [mm.end() for mm in re.finditer(rb"</w:t>", x)]
    for k in sorted(r.sample(hits, min(len(hits), r.randint(1, 5))), reverse=True):
        x = x[:k] + sym.encode() + x[k:]
    m["word/document.xml"] = x
    return "sym", _zip(m)


def d_deep_nesting(r: Rng, data: bytes) -> tuple[str, bytes]:
    depth = r.choice([100, 2000, 50000])
    kind = r.choice(["tbl", "sdt", "hyperlink"])
    if kind == "tbl":
        body = "<w:tbl><w:tr><w:tc>" * depth + F.p("一、内容") + "</w:tc></w:tr></w:tbl>" * depth
    elif kind == "sdt":
        body = "<w:sdt><w:sdtContent>" * depth + F.p("一、内容") + "</w:sdtContent></w:sdt>" * depth
    else:
        body = "<w:p>" + "<w:hyperlink>" * depth + "<w:r><w:t>一、内容</w:t></w:r>" + "</w:hyperlink>" * depth + "</w:p>"
    buf = io.BytesIO()
    F.make_docx(buf, body)  # type: ignore[arg-type]
    return f"deep_{kind}_{depth}", buf.getvalue()


def d_bomb(r: Rng, data: bytes) -> tuple[str, bytes]:
    m = _members(data)
    pad = b" " * r.choice([10_000_000, 70_000_000])
    m["word/document.xml"] = m["word/document.xml"].replace(b"<w:body>", b"<w:body>" + pad, 1)
    return f"bomb_{len(pad)}", _zip(m)


def d_long_title(r: Rng, data: bytes) -> tuple[str, bytes]:
    m = _members(data)
    title = r.choice(["政府工作报告", "关于", "x"]) * r.choice([100, 300, 5000])
    core = m.get("docProps/core.xml", b"")
    if b"<dc:title" in core:
        core = re.sub(rb"<dc:title>.*?</dc:title>|<dc:title/>", f"<dc:title>{title}</dc:title>".encode(), core)
    else:
        core = (b'<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.'
                b'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/'
                b'elements/1.1/"><dc:title>' + title.encode() + b"</dc:title></cp:coreProperties>")  # fmt: skip
    m["docProps/core.xml"] = core
    return "long_title", _zip(m)


DOCX_MUTATIONS: dict[str, Callable[[Rng, bytes], tuple[str, bytes]]] = {
    name[2:]: fn for name, fn in dict(globals()).items() if name.startswith("d_") and callable(fn)
}
# Text mutations carry most weight in the draw; expensive expansions less.
DOCX_WEIGHTS = {"text_mutation": 6, "bomb": 0.3, "empty_paragraphs": 0.6, "deep_nesting": 0.6}


# ------------------------------------------------------------------ cases


def _excerpt(r: Rng, text: str) -> str:
    ps = _paras(text)
    if len(ps) < 20 or r.random() < 0.4:
        return text
    n = r.randint(10, min(80, len(ps)))
    k = r.randrange(len(ps) - n + 1)
    return _join(ps[:8] + ps[k : k + n])  # keep the front matter (title, year)


def _text_case(r: Rng, index: int) -> Case:
    name, full = r.choice(text_bases())
    base = _excerpt(r, full)
    steps = []
    text = base
    for _ in range(r.choice([1, 1, 1, 2, 3])):
        mname, fn = r.choice(sorted(TEXT_MUTATIONS.items()))
        text = fn(r, text)
        steps.append("text:" + mname)
    if r.random() < 0.3:
        enc, data = encode(r, text)
        steps.append("enc:" + enc)
    else:
        data = text.encode("utf-8", "surrogatepass")
    if r.random() < 0.25:
        bname, bfn = r.choice(sorted(BYTE_MUTATIONS.items()))
        data = bfn(r, data)
        steps.append("bytes:" + bname)
    suffix = r.choice([".txt"] * 8 + [".md", "", ".docx", ".doc", ".TXT"])
    return Case(index, "+".join(steps), name, suffix, data, ".txt", base.encode("utf-8"))


def _docx_case(r: Rng, index: int) -> Case:
    name, data = r.choice(docx_bases())
    names = sorted(DOCX_MUTATIONS)
    mname = r.choices(names, [DOCX_WEIGHTS.get(n, 1.0) for n in names])[0]
    label, out = DOCX_MUTATIONS[mname](r, data)
    suffix = r.choice([".docx"] * 8 + [".txt", ".doc", ""])
    return Case(index, "docx:" + label, name, suffix, out, ".docx", data)


def make_case(seed: int, index: int) -> Case:
    r = random.Random(f"{seed}:{index}")
    return _docx_case(r, index) if r.random() < 0.35 else _text_case(r, index)
