"""The disk store of cut pieces: what one run saved the next reads back exactly; a store
cut with another salt (jieba, dictionary, tokenizer) or a damaged entry is never used."""

from __future__ import annotations

from array import array
from pathlib import Path

from reportdesk.engine.text import tokenize as tk
from reportdesk.engine.text.token_store import TokenStore

PIECE = "扩大内需，促进消费。"


def test_saved_tokens_read_back_in_the_next_run(tmp_path: Path) -> None:
    tokens = tk._tokens_of(PIECE)
    first = TokenStore(tmp_path, b"salt-a")
    first.put(PIECE, tokens)
    first.save()
    second = TokenStore(tmp_path, b"salt-a")
    assert second.get(PIECE) == tokens
    assert second.has([PIECE]) and not second.has([PIECE, "别的句子。"])
    assert second.get("别的句子。") is None


def test_another_salt_starts_afresh(tmp_path: Path) -> None:
    first = TokenStore(tmp_path, b"salt-a")
    first.put(PIECE, tk._tokens_of(PIECE))
    first.save()
    assert TokenStore(tmp_path, b"salt-b").get(PIECE) is None


def test_an_entry_that_does_not_fit_its_piece_is_ignored(tmp_path: Path) -> None:
    store = TokenStore(tmp_path, b"salt-a")
    store.put(PIECE, ((0, 2), (2, 3)))  # ends short of the piece
    assert store.get(PIECE) is None


def test_an_unwritable_folder_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = TokenStore(blocker / "sub", b"salt-a")  # a folder under a file cannot be made
    store.put(PIECE, tk._tokens_of(PIECE))
    store.save()
    assert not list(tmp_path.glob("**/*.tmp"))


def test_a_job_marked_done_is_known_in_the_next_run(tmp_path: Path) -> None:
    first = TokenStore(tmp_path, b"salt-a")
    assert not first.marked("compare x")
    first.mark("compare x")
    first.save()
    assert TokenStore(tmp_path, b"salt-a").marked("compare x")
    assert not TokenStore(tmp_path, b"salt-a").marked("compare y")


def test_an_empty_piece(tmp_path: Path) -> None:
    store = TokenStore(tmp_path, b"salt-a")
    store.put("", ())
    assert store.get("") == ()


def test_pieces_read_back_outlive_newer_ones(tmp_path: Path, monkeypatch) -> None:
    from reportdesk.engine.text import token_store

    monkeypatch.setattr(token_store, "_MAX", 3)
    texts = [f"第{i}句。" for i in range(6)]
    first = TokenStore(tmp_path, b"salt-a")
    for t in texts[:3]:
        first.put(t, tk._tokens_of(t))
    first.save()
    second = TokenStore(tmp_path, b"salt-a")
    assert second.get(texts[0]) is not None  # last year's report, read again
    for t in texts[3:5]:  # a draft's passing versions
        second.put(t, tk._tokens_of(t))
    second.save()
    third = TokenStore(tmp_path, b"salt-a")
    assert third.get(texts[0]) is not None
    assert third.get(texts[1]) is None and third.get(texts[2]) is None


def test_a_damaged_store_file_is_cut_anew_and_mended(tmp_path: Path) -> None:
    import marshal

    from reportdesk.engine.text.token_store import _NAME

    good = TokenStore(tmp_path, b"salt-a")
    pieces = ["一二三四五。", "甲乙丙丁。", "发展经济。", "春夏秋冬。", PIECE]
    damaged: list[object] = [
        b"\x01\x00\x00\x00\x02",  # not a whole number of ends: ValueError in array.frombytes
        "not bytes",  # TypeError
        array("I", [3, 3, 6]).tobytes(),  # ends not increasing: silently wrong tokens
        array("I", [4, 2, 5]).tobytes(),
    ]
    table: dict[object, object] = {good._key(p): raw for p, raw in zip(pieces, damaged)}
    table[good._key(PIECE)] = array("I", [b for _, b in tk._tokens_of(PIECE)]).tobytes()
    table[b"salt"] = b"salt-a"
    (tmp_path / _NAME).write_bytes(marshal.dumps(table))

    store = TokenStore(tmp_path, b"salt-a")
    assert [store.get(p) for p in pieces[:4]] == [None] * 4
    assert store.get(PIECE) == tk._tokens_of(PIECE)
    store.save()  # the damaged entries go; the good one stays
    saved = marshal.loads((tmp_path / _NAME).read_bytes())
    assert set(saved) == {good._key(PIECE), b"salt"}


def test_tokenize_survives_a_damaged_entry(tmp_path: Path, monkeypatch) -> None:
    store = TokenStore(tmp_path, b"salt-a")
    piece = "稳中求进，以进促稳。"
    store._new[store._key(piece)] = b"\x01\x02\x03"
    monkeypatch.setattr(tk, "_store", lambda: store)
    tk._tokens_of.cache_clear()
    spans = tk.tokenize(piece)
    assert spans and spans[0][0] == 0 and spans[-1][1] == len(piece)
    assert all(a < b for a, b in spans)
