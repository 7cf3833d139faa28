"""Build small .docx packages by hand (raw WordprocessingML) for loader tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/></Relationships>'
)


def wrap(tag: str, inner: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{tag} xmlns:w="{W_NS}" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        f"{inner}</w:{tag}>"
    )


def p(text: str = "", ppr: str = "", runs: str | None = None) -> str:
    body = (
        runs
        if runs is not None
        else (f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "")
    )
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{body}</w:p>"


def num_pr(num_id: int, ilvl: int | None = 0) -> str:
    lvl = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'<w:numPr>{lvl}<w:numId w:val="{num_id}"/></w:numPr>'


def style(
    style_id: str, name: str, based_on: str = "", ppr: str = "", default: bool = False
) -> str:
    b = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    d = ' w:default="1"' if default else ""
    pp = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:style w:type="paragraph"{d} w:styleId="{style_id}"><w:name w:val="{name}"/>{b}{pp}</w:style>'


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{extra}<w:lvlText w:val="{text}"/></w:lvl>'
    )


def abstract(aid: int, levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{levels}</w:abstractNum>'


def num(num_id: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def make_docx(
    path: Path,
    body: str,
    styles: str = "",
    numbering: str = "",
    title: str | None = None,
    extra_parts: dict[str, bytes] | None = None,
    document_xml: str | bytes | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        zf.writestr(
            "word/document.xml", document_xml or wrap("document", f"<w:body>{body}</w:body>")
        )
        zf.writestr("word/styles.xml", wrap("styles", styles))
        zf.writestr("word/numbering.xml", wrap("numbering", numbering))
        if title is not None:
            zf.writestr(
                "docProps/core.xml",
                '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.'
                'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org'
                f'/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>',
            )
        for name, data in (extra_parts or {}).items():
            zf.writestr(name, data)
    return path


def set_zip_method(path: Path, name: str, method: int) -> Path:
    """Rewrite the compression method an entry claims (local header and central directory),
    as a program that writes an unusual zip would: the data stays as it was."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        local = zf.getinfo(name).header_offset
    data[local + 8 : local + 10] = method.to_bytes(2, "little")
    raw_name = name.encode()
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        if data[pos + 46 : pos + 46 + len(raw_name)] == raw_name:
            data[pos + 10 : pos + 12] = method.to_bytes(2, "little")
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    return path
