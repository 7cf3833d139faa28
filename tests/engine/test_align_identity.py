"""The aligner gives the same alignment on every corpus pair as the reference recorded before
it was vectorised (issue 12): sections, sentence pairs with their exact similarity, the
in-place subset and the splits and merges.

Record anew (only when an alignment change is intended and explained in the commit):
    .venv/bin/python -m tests.engine.test_align_identity
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from reportdesk.engine.align.aligner import align, units_of
from reportdesk.engine.model import CompareOptions
from tests.engine.conftest import report

FIXTURE = Path(__file__).parent / "data" / "alignments.json"

PAIRS = (
    [(f"national/{y}.txt", f"national/{y + 1}.txt") for y in range(2013, 2025)]
    + [(f"hailar/{y}.txt", f"hailar/{y + 1}.txt") for y in range(2012, 2019)]
    + [
        ("sichuan/2025.txt", "sichuan/2026.txt"),
        ("national/2020.txt", "variants/national_2020_live_transcript.txt"),
        # unrelated reports: few similar sentences, many leftovers and rescues
        ("docx/2025_anhui.docx", "docx/2025_beijing.docx"),
        ("docx/2025_sichuan.docx", "sichuan/2025.txt"),
        ("national/2025.txt", "hailar/2019.txt"),
    ]
)


def alignment_digest(old_rel: str, new_rel: str, options: CompareOptions) -> dict[str, object]:
    old, new = report(old_rel), report(new_rel)
    ou, nu = units_of(old, options.keep_clutter), units_of(new, options.keep_clutter)
    al = align(old, new, ou, nu, options)
    canon = json.dumps(
        {
            "sections": [[m.old, m.new, m.similarity, str(m.status)] for m in al.sections],
            "pairs": [[o, n, repr(s)] for o, n, s in al.pairs],
            "in_order": sorted(al.in_order),
            "joins": [sorted(al.joins.old.items()), sorted(al.joins.new.items())],
        }
    )
    return {"pairs": len(al.pairs), "sha256": hashlib.sha256(canon.encode()).hexdigest()}


CASES = [(o, n, moves) for o, n in PAIRS for moves in (True, False)]


def _key(o: str, n: str, moves: bool) -> str:
    return f"{o} -> {n}{'' if moves else ' (no moves)'}"


def record() -> None:
    out = {_key(o, n, m): alignment_digest(o, n, CompareOptions(detect_moves=m)) for o, n, m in CASES}
    FIXTURE.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "moves"), CASES)
def test_same_alignment_as_recorded(old: str, new: str, moves: bool) -> None:
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))[_key(old, new, moves)]
    assert alignment_digest(old, new, CompareOptions(detect_moves=moves)) == expected


if __name__ == "__main__":
    record()
