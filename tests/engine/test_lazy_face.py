"""The engine's face imports on first use (PEP 562): a process that only shows results (the
window's) never imports the comparing; every public name still resolves, and the lazy map
says the same as the imports mypy and ruff read (issue 12: start-up)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import reportdesk.engine as face
import reportdesk.engine.session as session_face

PACKAGE = Path(__file__).resolve().parents[2] / "reportdesk"
HEAVY = ("numpy", "jieba", "reportdesk.engine.align", "reportdesk.engine.comparison.pipeline",
         "reportdesk.engine.session.live", "reportdesk.engine.targets.extract", "reportdesk.engine.load.loader")


def _fresh(code: str) -> str:
    """Run ``code`` in a new interpreter (hang guard: 120 s); its last printed line."""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return r.stdout.strip().splitlines()[-1]


def _loaded_heavy() -> str:
    return f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"


def test_importing_the_face_and_its_light_names_imports_none_of_the_comparing():
    code = ("import sys\n"
            "from reportdesk.engine import (ChangeIndex, CompareOptions, Comparison, DraftEdit, Report,\n"
            "    ReportDeskError, Screen, ScreenDelta, line_edit, live_close, live_edit, live_exact, live_start,\n"
            "    per_line, target_rows, unpack_comparison)\n" + _loaded_heavy())
    assert _fresh(code) == "[]"


def test_a_name_that_needs_the_pipeline_imports_it_on_first_use():
    code = "import sys, reportdesk.engine as e\nassert e.compare is e.compare\n" + _loaded_heavy()
    assert "reportdesk.engine.comparison.pipeline" in _fresh(code)


@pytest.mark.parametrize("module", [face, session_face], ids=["engine", "session"])
def test_every_public_name_resolves_and_is_listed(module):
    lazy = module._LAZY
    assert set(lazy) <= set(module.__all__)
    for name in module.__all__:
        assert getattr(module, name) is not None, name
        assert name in dir(module)
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018
    with pytest.raises(ImportError):
        exec(f"from {module.__name__} import no_such_name")


def _type_checking_imports(path: Path) -> dict[str, tuple[str, str]]:
    """{name as imported: (module, attribute)} of the ``if TYPE_CHECKING:`` block."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    out = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names:
            out[alias.asname or alias.name] = (node.module, alias.name)
    return out


@pytest.mark.parametrize("module", [face, session_face], ids=["engine", "session"])
def test_the_lazy_map_says_what_the_type_checking_imports_say(module):
    """A name added to one and not the other, or mapped to another module, fails here."""
    seen = _type_checking_imports(Path(module.__file__))
    for name, where in module._LAZY.items():
        sub, _, attr = where.partition(":")
        assert seen.pop(name) == (f"{module.__name__}.{sub}", attr or name), name
    defined_here = {n for n in module.__all__ if n not in module._LAZY}  # e.g. the live_* calls
    assert set(seen) - defined_here <= {"Comparison"}  # the rest are annotations only
    for name in defined_here:
        assert getattr(module, name).__module__ == module.__name__


def test_threads_asking_at_once_get_the_same_values():
    """First use from several threads at once (the window's workers beside its GUI thread):
    Python's per-module import locks make them wait for one import, not deadlock or race."""
    code = (
        "import sys, threading, reportdesk.engine as e\n"
        "names = ['compare', 'clutter_notice', 'target_series', 'load_report', 'live_start', 'compare_paths',\n"
        "         'comparison_to_dict', 'report_from_text', 'Comparison', 'screen_of'] * 3\n"
        "gate = threading.Barrier(len(names))\n"
        "got = {}\n"
        "def ask(i, n):\n"
        "    gate.wait(60)\n"
        "    got[i] = getattr(e, n)\n"
        "ts = [threading.Thread(target=ask, args=(i, n)) for i, n in enumerate(names)]\n"
        "[t.start() for t in ts]\n"
        "[t.join(60) for t in ts]\n"
        "assert len(got) == len(names), got\n"
        "assert all(got[i] is getattr(e, n) for i, n in enumerate(names))\n"
        "print('ok')\n"
    )
    assert _fresh(code) == "ok"


def test_import_all_imports_every_sub_module_behind_the_face():
    code = "import sys, reportdesk.engine as e\ne.import_all()\n" + _loaded_heavy()
    loaded = _fresh(code)
    for m in HEAVY[2:]:
        assert m in loaded
