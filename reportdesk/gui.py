"""Start the desktop app: ``reportdesk [OLD NEW | FOLDER | FILES…] [--demo] [--screenshot PATH]``.

``--screenshot`` renders the main window once the comparison has finished
(loading and comparing run in the background, so it waits for them), saves
it and exits: for the README and for checking the UI without a screen.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

# Only the standard library and light modules here: the engine process starts before the
# heavy imports (Qt, the engine, the widgets), which run inside the functions.
from reportdesk.app import engine_boot
from reportdesk.app.names import APPLICATION, LANGUAGES, ORGANIZATION
from reportdesk.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from reportdesk.app.settings import Settings
    from reportdesk.ui.main_window import MainWindow

# What showing a comparison needs in the window's process beyond the engine's types: the
# clutter notice re-diffs words (align, diff, text: ~60-80 ms of imports); the targets table
# words its values (``stated``: ~30 ms, at the first look at that tab).  The engine's face
# imports on first use; these are imported in a background thread while the engine process
# compares, so neither the window's start nor the comparison's arrival waits for them.
SHOW_NEEDS = ("clutter_notice", "stated")
WARM_UP_AFTER_MS = 500  # after the first comparison is shown: its marks are painted by then
WARM_UP_LATEST_MS = 10_000  # jieba is loaded by then even if no comparison came
DEMO_FILES = ("2024年政府工作报告.txt", "2025年政府工作报告.txt")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reportdesk",
        description="报告对照台：并排比较逐年政府工作报告，边比较边修改草稿。",
        epilog="命令行用法（不打开窗口）：reportdesk compare|text|targets|series …，例如 reportdesk compare -h",
    )
    p.add_argument("files", nargs="*", help="上一年的报告和今年的报告或草稿（.docx/.txt），或一个存放逐年报告的文件夹")
    p.add_argument("--demo", action="store_true", help="打开内置的示例（2024 与 2025 年国务院政府工作报告）")
    p.add_argument("--screenshot", metavar="PATH", help="比较完成后把主窗口保存为图片并退出")
    p.add_argument("--size", default="1400x900", help="截图时的窗口大小，如 1400x900")
    p.add_argument("--lang", choices=LANGUAGES, help="界面语言（默认取设置，初始为简体中文）")
    p.add_argument("--timeout", type=float, default=180.0, help="截图模式下等待比较完成的最长秒数")
    return p


# Qt's own command-line options (QGuiApplication/QApplication): passed through to Qt, so that
# ``-platform offscreen`` works where the environment cannot carry QT_QPA_PLATFORM (Wine does
# not pass it to Windows programs) and ``-style``/``-reverse`` work as in any Qt program.
_QT_OPTIONS_WITH_VALUE = frozenset({
    "-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-style", "-stylesheet",
    "-qwindowgeometry", "-qwindowtitle", "-qwindowicon", "-session", "-display", "-geometry",
})
_QT_FLAGS = frozenset({"-reverse", "-nograb", "-dograb", "-widgetcount"})


def split_qt_args(argv: list[str]) -> tuple[list[str], list[str]]:
    """(our arguments, Qt's): Qt's single-dash options and their values go to Qt."""
    ours: list[str] = []
    qt: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        name = arg.split("=", 1)[0]
        if name in _QT_OPTIONS_WITH_VALUE:
            take = 1 if "=" in arg or i + 1 == len(argv) else 2
            qt += argv[i : i + take]
            i += take
            continue
        if arg in _QT_FLAGS:
            qt.append(arg)
        else:
            ours.append(arg)
        i += 1
    return ours, qt


def demo_paths() -> list[str]:
    return [str(resource_path("samples", name)) for name in DEMO_FILES]


def _app(qt_args: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "reportdesk", *(qt_args or [])])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("报告对照台")
    icon = resource_path("icons", "reportdesk.png")
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


def guard_none_refcount() -> None:
    """PySide6 6.12 on Python 3.11 loses references to None/True/False: see ui/pyside_fix."""
    from reportdesk.ui.pyside_fix import make_none_immortal

    make_none_immortal()


def run_gui(argv: list[str]) -> int:
    argv, qt_args = split_qt_args(argv)
    args = build_parser().parse_args(argv)
    paths = demo_paths() if args.demo else list(args.files)
    if args.screenshot and not paths:
        print("--screenshot 需要要比较的文件，或同时给出 --demo。", file=sys.stderr)
        return 2
    engine_boot.start_early()  # its start overlaps the imports below
    guard_none_refcount()
    from PySide6.QtCore import QTimer

    from reportdesk.app import cleanup, crash
    from reportdesk.app.i18n import install_translators
    from reportdesk.app.paths import data_dir
    from reportdesk.app.settings import Settings
    from reportdesk.ui.offscreen import use_windows_fonts_offscreen

    use_windows_fonts_offscreen(qt_args[qt_args.index("-platform") + 1] if "-platform" in qt_args[:-1] else None)
    app = _app(qt_args)
    if args.screenshot:
        # A throwaway profile: the picture must not depend on this user's layout or history.
        tmp = Path(tempfile.mkdtemp(prefix="reportdesk-shot-"))
        settings = Settings.from_ini(tmp / "settings.ini")
        folder = tmp
    else:
        settings = Settings()
        folder = data_dir()
        crash.setup_logging(folder)
        cleanup.journal(folder)  # before the engine process is adopted (and told it) or started
    compare_ahead(paths, settings)
    install_translators(app, args.lang or settings.language)

    from reportdesk.ui.dialogs.crash_dialog import CrashDialog
    from reportdesk.ui.main_window import MainWindow

    window = MainWindow(settings, folder)

    def show_crash(summary: str, log: Path | None) -> None:
        CrashDialog(summary, log, window).exec()

    handler = crash.CrashHandler(folder, window.save_draft_for_crash, show_crash)
    crash.install(handler)
    if args.screenshot:
        return _screenshot(app, window, paths, args)
    window.show()
    QTimer.singleShot(0, lambda: _start(window, paths))
    return app.exec()


def _start(window: MainWindow, paths: list[str]) -> None:
    from reportdesk.app import cleanup
    from reportdesk.app.autosave import find_recoveries
    from reportdesk.ui.dialogs import prompts

    cleanup.in_background(window.data_dir)  # temp files and locks of killed instances; journal ours
    recoveries = find_recoveries(window.data_dir)
    if recoveries:
        rec = recoveries[0]
        import time

        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(rec.snapshot.saved_at))
        if prompts.ask_restore(window, rec.snapshot, when):
            window.files.restore(rec)
            warm_up(window)  # else the restored comparison's arrival imports the clutter notice
            return
        rec.discard()
    if paths:
        window.files.open_paths(paths)
    warm_up(window)


def compare_ahead(paths: list[str], settings: Settings) -> None:
    """Start the engine process and compare the pair given on the command line now, while
    the window is still being built: the window's load takes that comparison (issue 12)."""
    from reportdesk.app import engine_process, jobs

    engine = engine_process.shared()
    if engine is not None and len(paths) == 2 and all(Path(p).is_file() for p in paths):
        engine.post(jobs.compare_ahead, *paths, settings.compare_options())


def import_ahead(names: tuple[str, ...] = SHOW_NEEDS) -> None:
    """Import the sub-modules behind these names of the engine's face in a background thread.

    Safe beside the GUI thread's own imports: Python locks each module while it runs, the
    engine's modules import no cycle, and a thread asking for a module being imported here
    waits for it.  Started without waiting for it to run (see TaskRunner._start)."""
    import _thread

    from reportdesk import engine

    def run() -> None:
        for name in names:
            try:
                getattr(engine, name)
            except Exception:  # the call that needs it imports it again and says what is wrong
                return

    _thread.start_new_thread(run, ())


def warm_up(window: MainWindow) -> None:
    """Import what showing a comparison needs (``import_ahead``) now, while the engine process
    compares; load jieba's dictionary in the engine process once the first comparison is on
    screen and painted (or after a while without one), so the first keystroke's words are cut
    at once.

    Not beside the load: the dictionary's load is one C call of a third of a second that
    holds the engine process's GIL, and a comparison whose pieces the token store already
    holds needs no jieba at all (a comparison that does loads it itself).  Nor while the
    window paints the comparison: on a busy two-core PC the two take turns on the CPU."""
    from PySide6.QtCore import QTimer

    import_ahead()
    fired: list[bool] = []

    def submit() -> None:
        from reportdesk.engine import warm_up_tokenizer  # named to be sent; imported ahead

        if not fired:
            fired.append(True)
            window.runner.submit("warmup", warm_up_tokenizer, on_error=lambda _e: None, in_process=True)

    if not window.runner.is_busy("load"):
        submit()
        return
    window.comparison_shown.connect(lambda: QTimer.singleShot(WARM_UP_AFTER_MS, window, submit))
    QTimer.singleShot(WARM_UP_LATEST_MS, window, submit)


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
        return max(w, 400), max(h, 300)
    except ValueError:
        return 1400, 900


def _screenshot(app: QApplication, window: MainWindow, paths: list[str], args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    errors: list[str] = []

    def capture_error(_parent: object, _title: str, text: str, *_a: object, **_k: object) -> QMessageBox.StandardButton:
        errors.append(text)
        return QMessageBox.StandardButton.Ok

    # No person is there to close a message box: report errors on stderr instead.
    QMessageBox.critical = capture_error  # type: ignore[method-assign]
    QMessageBox.warning = capture_error  # type: ignore[method-assign]
    QMessageBox.information = capture_error  # type: ignore[method-assign]
    window.resize(*_parse_size(args.size))
    window.show()
    out = Path(args.screenshot)

    def finish(code: int) -> None:
        app.exit(code)

    def poll() -> None:
        if errors:
            print("\n".join(errors), file=sys.stderr)
            finish(2)
            return
        if not window.is_settled():
            QTimer.singleShot(100, poll)
            return
        _pose(window)
        QTimer.singleShot(300, shoot)

    def shoot() -> None:
        window.finish_rendering()  # the docks were rearranged: bring the current row back into view
        app.processEvents()
        ok = window.grab().save(str(out))
        if not ok:
            print(f"无法写入截图：{out}", file=sys.stderr)
        finish(0 if ok else 1)

    def timeout() -> None:
        print(f"等待比较超时（{args.timeout:.0f} 秒）。", file=sys.stderr)
        finish(3)

    QTimer.singleShot(0, lambda: window.files.open_paths(paths))
    QTimer.singleShot(100, poll)
    QTimer.singleShot(int(args.timeout * 1000), timeout)
    code = app.exec()
    window.session.saved_text = window.session.draft_text  # nothing to ask about on the way out
    window.close()
    return code


def _pose(window: MainWindow) -> None:
    """Show something worth seeing: the first changed target, else the first change."""
    window.show_all_panels()  # the picture shows changes and targets (normally tabbed)
    c = window.session.comparison
    if c is None or not c.changes:
        return
    changed = [t.new for t in c.target_changes if t.old is not None and t.new is not None and t.change != "unchanged"]
    if changed:
        pos = changed[0].start
        after = [(ch.new.start, ch.id) for ch in c.changes if ch.new is not None and ch.new.end > pos]
        if after:
            window.view.show_change(min(after, key=lambda start_id: start_id[0])[1])
            return
    window.view.show_change(c.changes[0].id)
