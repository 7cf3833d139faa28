"""The Windows program (PyInstaller) bundles every module of the package.

PyInstaller finds what to bundle by scanning the bytecode of the entry script and of each
module it reaches for import statements; a module imported only by ``importlib`` with a
computed name is invisible to it.  The engine's face (and ``engine.session``) import their
sub-modules so, on first use (PEP 562, issue 12): they are found only because the same names
are imported under ``if TYPE_CHECKING:`` (bytecode too, though never run).  A module the
scan misses would be absent from the frozen program and fail there alone, at first use.
The standard library's ``modulefinder`` scans the same way; here it follows only this
package, from the spec's entry script and hidden imports."""

from __future__ import annotations

import modulefinder
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class _PackageScan(modulefinder.ModuleFinder):
    def import_module(self, partname, fqname, parent):  # noqa: ANN001, ANN201 - stdlib signature
        if fqname.partition(".")[0] != "reportdesk":
            return None  # the rest (Qt, numpy, jieba, the standard library) is PyInstaller's own business
        return super().import_module(partname, fqname, parent)


def _package_modules() -> set[str]:
    out = set()
    for p in (ROOT / "reportdesk").rglob("*.py"):
        parts = p.relative_to(ROOT).with_suffix("").parts
        out.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


def test_the_frozen_programs_import_scan_reaches_every_module_of_the_package():
    spec = (ROOT / "installer" / "reportdesk.spec").read_text(encoding="utf-8")
    hidden = re.findall(r"[\"']([\w.]+)[\"']", re.search(r"hiddenimports=\[([^\]]*)\]", spec).group(1))
    scan = _PackageScan(path=[str(ROOT)])
    scan.run_script(str(ROOT / "installer" / "reportdesk_entry.py"))
    for name in hidden:
        scan.import_hook(name)
    found = {m for m in scan.modules if m.partition(".")[0] == "reportdesk"}
    assert "reportdesk.engine.comparison.pipeline" in found  # reached through the face's TYPE_CHECKING block
    assert sorted(_package_modules() - found) == []
