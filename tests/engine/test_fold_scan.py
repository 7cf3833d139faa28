"""fold's quick scan finds exactly the characters its table changes."""

from __future__ import annotations

from reportdesk.engine.text.normalize import _FOLD_TABLE, _FOLDS, fold


def test_scan_matches_the_table() -> None:
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue  # surrogates are not text
        assert (_FOLDS.match(chr(cp)) is not None) == (cp in _FOLD_TABLE), hex(cp)


def test_fold_with_and_without_foldable_characters() -> None:
    assert fold("增长5.5%左右") == "增长5.5%左右".translate(_FOLD_TABLE)
    assert fold("增长５．５％，左右") == "增长５．５％，左右".translate(_FOLD_TABLE)
    assert fold("高质量发展") == "高质量发展"
