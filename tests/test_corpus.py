"""The in-repo test corpus (tests/corpus): complete, documented, and, when ../shared is beside
the repository, identical to the shared copy it was taken from."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CORPUS, SHARED, TESTS, corpus_file

CHAINS = ("national", "hailar", "sichuan", "docx", "seed", "variants")


def _files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "SOURCES.md")


def test_every_chain_is_there_and_documented() -> None:
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    for chain in CHAINS:
        assert any((CORPUS / chain).iterdir()), chain
        assert f"`{chain}/" in sources, chain
    assert "`gold/seed-jinniu-2024-plan.json`" in sources


def test_every_gold_document_is_in_the_corpus() -> None:
    golds = [CORPUS / "gold" / "seed-jinniu-2024-plan.json"]
    golds += sorted((TESTS / "data").glob("*/*.json"))
    assert len(golds) > 1
    for gold in golds:
        label = json.loads(gold.read_text(encoding="utf-8"))
        # target labels name one report; the blind pair labels name two
        documents = [label["document"]] if "document" in label else [label["old"], label["new"]]
        for document in documents:
            assert corpus_file(document).is_file(), (gold.name, document)


def test_copies_match_shared_when_present() -> None:
    """An extra check when ../shared exists; without it there is nothing to compare with."""
    files = _files()
    assert len(files) >= 57
    if not SHARED.is_dir():
        return
    for path in files:
        rel = path.relative_to(CORPUS)
        # gold/ sits beside corpus/ in the shared folder.
        shared = SHARED / rel if rel.parts[0] == "gold" else SHARED / "corpus" / rel
        assert shared.is_file(), f"{rel}: not in {SHARED}"
        assert path.read_bytes() == shared.read_bytes(), f"{rel} differs from {shared}"
