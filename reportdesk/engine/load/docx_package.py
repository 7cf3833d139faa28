"""The parts of a .docx package, read safely: size, compression, XML encoding, element count.

Every failure is a ``DocxError`` whose ``kind`` picks the clerk's message in the loader:
a part we cannot find, XML we cannot parse, a part that expands too far, a damaged
zip entry, or a package written by an unusual program (a compression method or an
XML encoding that Word and WPS never use).
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib

from reportdesk.engine.load.limits import MAX_XML_ELEMENTS

try:
    import lzma

    _CODEC_ERRORS: tuple[type[Exception], ...] = (lzma.LZMAError,)
except ImportError:  # pragma: no cover - a Python built without lzma
    _CODEC_ERRORS = ()

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# A report's document.xml is 0.1–5 MB; anything far larger is a zip bomb or not a report.
MAX_PART_BYTES = 64 * 1024 * 1024
# Word and WPS store or deflate every entry; anything else came from another program.
_WORD_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_READ_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError,
    zlib.error, *_CODEC_ERRORS,
)  # fmt: skip
_DECLARED_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']{1,40})["']""")


class DocxError(Exception):
    """Internal: what is wrong with the package.  ``kind`` picks the user message."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        # "no_document" | "bad_xml" | "too_large" | "corrupt" | "unusual"
        self.kind = kind
        self.detail = detail


def read_part(zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError as e:
        raise DocxError("no_document", f"missing part {name}") from e
    if info.file_size > MAX_PART_BYTES:
        raise DocxError("too_large", f"{name} is {info.file_size} bytes uncompressed")
    try:
        return zf.read(info)
    except _READ_ERRORS as e:
        if info.compress_type not in _WORD_METHODS:
            # LZMA (14), bzip2 (12), Deflate64 (9), PPMd (98)…: not what Word writes.
            raise DocxError(
                "unusual", f"{name} uses zip compression method {info.compress_type}: {e!r}"
            ) from e
        # A damaged deflate stream, a CRC mismatch, an encrypted entry.
        raise DocxError("corrupt", f"cannot read {name}: {e!r}") from e


def parse_xml(data: bytes, name: str, max_elements: int = MAX_XML_ELEMENTS) -> ET.Element:
    """The part's root element; at most ``max_elements`` elements are built."""
    # DTDs have no place in OOXML; refusing them closes the entity-expansion door.
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise DocxError("bad_xml", f"{name} has a DOCTYPE")
    try:
        return _parse(data, name, max_elements)
    except LookupError as e:  # an encoding Python has never heard of
        raise DocxError("unusual", f"{name}: {e}") from e
    except ValueError:
        # expat reads only single-byte encodings and UTF-8/16; a part declared as GBK or
        # Big5 is decoded by Python and parsed as text.
        return _parse(_decode_declared(data, name), name, max_elements)


def _parse(data: bytes | str, name: str, max_elements: int) -> ET.Element:
    # Every element starts with "<" not followed by "/" (markup "<" cannot occur in text:
    # it is escaped), so this bounds the element count, at C speed, before any is built.
    if isinstance(data, bytes):
        starts = data.count(b"<") - data.count(b"</")
    else:
        starts = data.count("<") - data.count("</")
    if starts > max_elements:
        raise DocxError("too_large", f"{name} has more than {max_elements} XML elements")
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise DocxError("bad_xml", f"{name}: {e}") from e


def _decode_declared(data: bytes, name: str) -> str:
    m = _DECLARED_ENCODING.match(data[:512])
    if m is None:
        raise DocxError("bad_xml", f"{name}: encoding expat cannot read, none declared")
    encoding = m.group(1).decode("ascii", "replace")
    try:
        return data.decode(encoding)
    except LookupError as e:
        raise DocxError("unusual", f"{name}: unknown encoding {encoding!r}") from e
    except UnicodeDecodeError as e:
        raise DocxError("bad_xml", f"{name}: not valid {encoding}: {e}") from e


def rel_targets(zf: zipfile.ZipFile, rels_name: str, base_dir: str) -> dict[str, str]:
    """Relationship type suffix (e.g. "officeDocument", "styles") → part name."""
    if rels_name not in zf.namelist():
        return {}
    try:
        root = parse_xml(read_part(zf, rels_name), rels_name)
    except DocxError:
        return {}
    out: dict[str, str] = {}
    for rel in root.iter(f"{_REL}Relationship"):
        rtype, target = rel.get("Type", ""), rel.get("Target", "")
        if not target or rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(base_dir, target)
        out.setdefault(rtype.rsplit("/", 1)[-1], posixpath.normpath(path))
    return out


def optional_root(zf: zipfile.ZipFile, name: str | None) -> ET.Element | None:
    """A part that costs hints if broken (styles, numbering, notes), never the text."""
    if not name or name not in zf.namelist():
        return None
    try:
        return parse_xml(read_part(zf, name), name)
    except DocxError as e:
        if e.kind == "too_large":
            raise  # a bomb in a side part is still a bomb
        return None
