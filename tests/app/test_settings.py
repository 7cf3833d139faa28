"""Settings: typed values survive a round trip through an INI file."""

from __future__ import annotations

from reportdesk.app.settings import MAX_RECENT, Settings


def test_defaults(tmp_path):
    s = Settings.from_ini(tmp_path / "s.ini")
    assert s.language == "zh_CN"
    assert s.ignore_punctuation_width is True
    assert s.detect_moves is True
    assert s.autosave_seconds == 30
    assert s.recent() == []
    assert s.compare_options().ignore_punctuation_width is True


def test_values_persist_with_types(tmp_path):
    path = tmp_path / "s.ini"
    s = Settings.from_ini(path)
    s.language = "en"
    s.font_size = 15
    s.author = "  张三 "
    s.ignore_punctuation_width = False
    s.autosave_seconds = 120  # clamped: never more than 30 s of typing at risk
    s.sync()
    t = Settings.from_ini(path)
    assert t.language == "en"
    assert t.font_size == 15
    assert t.author == "张三"
    assert t.ignore_punctuation_width is False
    assert t.compare_options().ignore_punctuation_width is False
    assert t.autosave_seconds == 30


def test_bad_values_fall_back(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[ui]\nlanguage=fr\nfont_size=big\n[compare]\ndetect_moves=maybe\n", encoding="utf-8")
    s = Settings.from_ini(path)
    assert s.language == "zh_CN"
    assert s.font_size == 12
    assert s.detect_moves is True


def test_recent_comparisons_newest_first_without_duplicates(tmp_path):
    s = Settings.from_ini(tmp_path / "s.ini")
    a, b, c = (tmp_path / n for n in ("a.txt", "b.txt", "c.txt"))
    for p in (a, b, c):
        p.write_text("x", encoding="utf-8")
    s.add_recent(str(a), str(b))
    s.add_recent(str(b), str(c))
    s.add_recent(str(a), str(b))
    items = s.recent()
    assert [(r.old, r.new) for r in items] == [(str(a), str(b)), (str(b), str(c))]
    assert all(r.exists() for r in items)
    for i in range(MAX_RECENT + 3):
        s.add_recent(str(tmp_path / f"o{i}"), str(tmp_path / f"n{i}"))
    assert len(s.recent()) == MAX_RECENT
    s.sync()
    assert len(Settings.from_ini(tmp_path / "s.ini").recent()) == MAX_RECENT
    s.clear_recent()
    assert s.recent() == []
