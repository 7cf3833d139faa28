"""Engine layering, checked from the source: pure Python inside, one face outside.

- every module under ``reportdesk/engine`` (sub-packages too) imports neither Qt nor
  python-docx, even after all of them are loaded in a clean interpreter;
- code outside the engine imports only ``reportdesk.engine`` itself, never a module
  inside it, so the sub-packages can change without touching the app;
- the CLI starts without Qt.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "reportdesk"
ENGINE = PACKAGE / "engine"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Absolute names of every module ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    if path.name != "__init__.py":
        here = here[:-1]
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                prefix = here[: len(here) - node.level + 1]
                base = ".".join(prefix + ([base] if base else []))
            out.append((node.lineno, base))
    return out


def test_engine_modules_are_found_recursively():
    mods = [_module_name(p) for p in ENGINE.rglob("*.py")]
    assert "reportdesk.engine.targets.extract" in mods
    assert len(mods) > 30


def test_engine_imports_no_qt_and_no_docx():
    mods = sorted(_module_name(p) for p in ENGINE.rglob("*.py"))
    code = (
        "import sys, importlib\n"
        f"for m in {mods!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'docx', 'shiboken6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_engine_source_names_no_qt_and_no_docx():
    bad = [
        f"{p.relative_to(PACKAGE)}:{line} {name}"
        for p in ENGINE.rglob("*.py")
        for line, name in _imports(p)
        if name.split(".")[0] in ("PySide6", "shiboken6", "docx", "lxml")
    ]
    assert bad == []


def test_code_outside_the_engine_uses_only_its_face():
    deep = [
        f"{p.relative_to(PACKAGE)}:{line} {name}"
        for p in PACKAGE.rglob("*.py")
        if ENGINE not in p.parents
        for line, name in _imports(p)
        if name.startswith("reportdesk.engine.")
    ]
    assert deep == []


def test_face_exports_what_the_app_needs():
    import reportdesk.engine as engine

    for name in ("load_report", "report_from_text", "compare", "ChangeIndex", "extract_targets",
                 "target_series", "Comparison", "Figure", "ReportDeskError", "LoadError"):
        assert name in engine.__all__
        assert getattr(engine, name) is not None
    assert callable(engine.compare)


def test_cli_imports_no_qt():
    code = "import sys, reportdesk.cli; print([m for m in sys.modules if m.startswith('PySide6')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
