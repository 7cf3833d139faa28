"""PairCache: scoring only new rows and columns gives what scoring them all gives."""

from __future__ import annotations

import random
from collections.abc import Hashable

from reportdesk.engine.align.cells import PairCache
from reportdesk.engine.align.units import Unit, sentence_form
from reportdesk.engine.model import Span


def _unit(index: int, text: str) -> Unit:
    key, grams = sentence_form(text)
    return Unit(index, Span(0, len(text)), 0, 0, "body", key, grams, text)


def _score(rows: list[Unit], cols: list[Unit]) -> list[tuple[int, int, int]]:
    # pair-local, as the aligner's passes are: shared bigrams of the two sentences
    return [(len(r.grams & c.grams), r.index, c.index) for r in rows for c in cols if r.grams & c.grams]


def _keys(units: list[Unit]) -> dict[int, Hashable]:
    return {u.index: (u.index, u.text) for u in units}


def test_partial_scoring_equals_full() -> None:
    rng = random.Random(3)
    words = ["发展", "经济", "改革", "开放", "创新", "就业", "民生", "教育"]
    rows = [_unit(i, "".join(rng.choices(words, k=4))) for i in range(30)]
    cols = [_unit(i, "".join(rng.choices(words, k=4))) for i in range(25)]
    cache: PairCache[tuple[int, int, int]] = PairCache()
    scored: list[int] = []

    def counted(r: list[Unit], c: list[Unit]) -> list[tuple[int, int, int]]:
        scored.append(len(r) * len(c))
        return _score(r, c)

    for step in range(12):
        if step:  # edit a column, sometimes a row too, sometimes drop one
            k = rng.randrange(len(cols))
            cols[k] = _unit(cols[k].index, cols[k].text + rng.choice(words))
            if step % 3 == 0:
                k = rng.randrange(len(rows))
                rows[k] = _unit(rows[k].index, rows[k].text + rng.choice(words))
            if step % 4 == 0:
                cols.pop(rng.randrange(len(cols)))
        got = cache.pairs((rows, cols), (_keys(rows), _keys(cols)), counted, lambda t: (t[1], t[2]))
        assert sorted(got) == sorted(_score(rows, cols))
    assert scored[0] == 30 * 25
    assert sum(scored[1:]) < 11 * 30 * 25 / 4  # only what changed was scored again
