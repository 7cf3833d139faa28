"""Tokens of text already cut, kept on disk between runs, keyed by the text itself.

Cutting a report with jieba is most of a first comparison, and the same reports come back:
last year's report in every session, the draft mostly unchanged.  So the token boundaries
of each piece (a paragraph, mostly) are kept in the cache folder, keyed by a hash of the
piece together with everything else that decides the cut (jieba's version, our
dictionary, our quantity pattern, ``VERSION``).  A piece seen in any earlier run is not
cut again, and when every piece is known jieba's dictionary is never loaded.

Bump ``VERSION`` whenever ``tokenize`` would cut a text differently.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import threading
from array import array
from pathlib import Path

VERSION = 1
_NAME = f"tokens-v{VERSION}.marshal"
_MAX = 20_000  # pieces kept (a national report is about 1,000): a few MB


class TokenStore:
    def __init__(self, folder: Path | None = None, salt: bytes = b"") -> None:
        self.folder = folder
        self.salt = salt
        self.enabled = not os.environ.get("REPORTDESK_NO_TOKEN_CACHE")
        self._lock = threading.Lock()
        self._known: dict[bytes, bytes] | None = None
        self._new: dict[bytes, bytes] = {}
        self._used: set[bytes] = set()  # keys read back from the file this run
        self._bad: set[bytes] = set()  # damaged entries found this run, left out when saving
        self._exit_hooked = False

    def _key(self, piece: str) -> bytes:
        return hashlib.blake2b(piece.encode("utf-8", "surrogatepass"), digest_size=16, key=self.salt[:64]).digest()

    def _table(self) -> dict[bytes, bytes]:
        if self._known is None:
            self._known = self._read()
        return self._known

    def _read(self) -> dict[bytes, bytes]:
        if self.folder is None:
            return {}
        try:
            data = marshal.loads((self.folder / _NAME).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not isinstance(data, dict) or data.get(b"salt") != self.salt:
            return {}  # cut by another jieba, dictionary or tokenizer: start afresh
        return data

    def get(self, piece: str) -> tuple[tuple[int, int], ...] | None:
        if not self.enabled:
            return None
        key = self._key(piece)
        with self._lock:
            raw = self._new.get(key)
            if raw is None:
                raw = self._table().get(key)
        if raw is None:
            return None
        spans = _spans(raw, len(piece))
        with self._lock:
            if spans is None:  # damaged (or not this piece's): cut anew, and the entry goes
                self._drop(key)
            elif key not in self._new:
                self._used.add(key)
        return spans

    def _drop(self, key: bytes) -> None:
        self._new.pop(key, None)
        if self._known is not None:
            self._known.pop(key, None)
        self._used.discard(key)
        self._bad.add(key)
        self._hook()

    def has(self, pieces: list[str]) -> bool:
        """Whether every piece is known (then jieba's dictionary need not be loaded)."""
        if not self.enabled:
            return False
        with self._lock:
            table = self._table()
            return all((k := self._key(p)) in self._new or k in table for p in pieces)

    def mark(self, name: str) -> None:
        """Remember that a job (a comparison of two texts) had all its pieces stored."""
        self._put_raw("\0" + name, b"")

    def marked(self, name: str) -> bool:
        return self.has(["\0" + name])

    def put(self, piece: str, tokens: tuple[tuple[int, int], ...]) -> None:
        if self.enabled and self.folder is not None:  # else nothing is kept: pack nothing
            self._put_raw(piece, array("I", [b for _, b in tokens]).tobytes())

    def _put_raw(self, piece: str, raw: bytes) -> None:
        if not self.enabled or self.folder is None:
            return
        with self._lock:
            self._new[self._key(piece)] = raw
            self._hook()

    def _hook(self) -> None:
        if not self._exit_hooked:
            self._exit_hooked = True
            atexit.register(self.save)

    def save(self) -> None:
        """Add what this run cut to the file; past ``_MAX`` the pieces longest unused go.

        Pieces read back this run count as the newest: a session of typing stores every
        passing version of the edited sentence, and those must not push out last year's
        report, which every session reads.
        """
        with self._lock:
            if not (self._new or self._bad) or self.folder is None:
                return
            table = {k: v for k, v in self._read().items() if k != b"salt" and k not in self._bad}
            self._bad.clear()
            used = {k: table.pop(k) for k in self._used if k in table}
            table.update(self._new)
            table.update(used)
            keep = dict(list(table.items())[-_MAX:])
            self._used.clear()
            keep[b"salt"] = self.salt
            self._new.clear()
            self._known = None
        tmp = self.folder / f".{_NAME}.{os.getpid()}.tmp"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(marshal.dumps(keep))
            os.replace(tmp, self.folder / _NAME)  # whole or not at all; the last writer wins
        except OSError:  # a read-only profile: the store only saves time
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass


def _spans(raw: object, length: int) -> tuple[tuple[int, int], ...] | None:
    """The token spans an entry holds, or None unless it is whole and fits a piece of ``length``:
    bytes of 32-bit ends, strictly increasing, the last one the piece's end."""
    ends = array("I")
    if not isinstance(raw, bytes) or len(raw) % ends.itemsize:
        return None
    ends.frombytes(raw)
    prev = 0
    for e in ends:
        if e <= prev:
            return None
        prev = e
    if prev != length:
        return None
    return tuple(zip([0, *ends[:-1]], ends, strict=True)) if ends else ()
