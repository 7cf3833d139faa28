"""LibreOffice opens the exports and renders them to PDF (a stand-in for "opens cleanly")."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reportdesk.export.docx_review import ExportOptions, export_review
from tests.export.conftest import comparison

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) not installed; .ci/run installs libreoffice-writer-nogui",
)


def to_pdf(docx: Path, out: Path) -> Path:
    profile = out / "lo-profile"  # a private profile: no clash with a running LibreOffice
    cmd = [
        SOFFICE,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(docx),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=240)
    pdf = out / (docx.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 10_000, "LibreOffice produced no PDF"
    return pdf


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        return ""
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True, timeout=60
    ).stdout


@pytest.mark.parametrize("form", ["both", "tracked", "table"])
def test_exports_convert_to_pdf(tmp_path: Path, form: str) -> None:
    c = comparison("hailar/2018.txt", "hailar/2019.txt")
    docx = export_review(c, tmp_path / f"review-{form}.docx", ExportOptions(form=form))
    text = pdf_text(to_pdf(docx, tmp_path))
    if text:
        assert "修改审阅稿" in text
        assert ("修改对照表" in text) == (form != "tracked")
        assert "— 1 —" in text or "—1—" in text.replace(" ", "")


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, check=True, text=True, timeout=60,
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
@pytest.mark.parametrize("pair", [("national/2024.txt", "national/2025.txt"), ("hailar/2016.txt", "hailar/2017.txt")])
def test_summary_is_one_page(tmp_path: Path, pair: tuple[str, str]) -> None:
    """What a leader reads first fits page 1; the tracked text starts on page 2 (issue 13, item 9)."""
    c = comparison(*pair)
    docx = export_review(c, tmp_path / "review.docx", ExportOptions(form="both", author="审阅人"))
    pdf = to_pdf(docx, tmp_path)
    first, second = _page_text(pdf, 1), _page_text(pdf, 2)
    assert "一、主要目标" in first and "三、提法变化" in first and "以下依次为" in first
    assert second.lstrip().startswith("修订稿")
