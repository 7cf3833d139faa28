"""Opening, saving, exporting and restoring: the window's file flows.

Loading and exporting run on the task runner; saving the draft is quick and
runs inline so "save, then close" is one step.  Every ReportDeskError becomes
a message box with its Chinese message; anything else goes to the crash
handler (sys.excepthook).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from reportdesk.app import jobs
from reportdesk.app.autosave import Recovery
from reportdesk.app.saving import atomic_write, save_draft
from reportdesk.engine import Report, ReportDeskError, SaveError
from reportdesk.ui.dialogs import prompts
from reportdesk.ui.dialogs.compare_dialog import CompareDialog
from reportdesk.ui.dialogs.export_dialog import ExportDialog

if TYPE_CHECKING:
    from reportdesk.ui.main_window import MainWindow


class FileController(QObject):
    opened = Signal(object)  # jobs.Opened, after the window shows it
    exported = Signal(str)
    saved = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._pending_restore: str | None = None  # draft text to put back after loading
        self._pending_save_path = ""
        self._deferred_export: tuple[str, dict[str, object]] | None = None
        window.comparison_shown.connect(self._run_deferred_export)

    # ------------------------------------------------------------ opening
    def ask_open(self) -> None:
        s = self.w.session
        dlg = CompareDialog(self.w, s.old_path, s.new_path, self.w.settings.last_dir)
        if dlg.exec():
            self.open_pair(*dlg.paths())

    def ask_open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, self.tr("Folder of yearly reports"), self.w.settings.last_dir)
        if folder:
            self.open_paths([folder])

    def open_paths(self, paths: list[str]) -> None:
        """Command line, drops and recent: 2 files → a pair, a folder or 3+ files → a series."""
        files: list[str] = []
        for p in paths:
            files += jobs.report_files_in(p) if Path(p).is_dir() else [p]
        if len(files) == 2:
            self.open_pair(files[0], files[1])
        elif len(files) > 2:
            self.open_series(files)
        elif len(files) == 1:
            dlg = CompareDialog(self.w, "", files[0], str(Path(files[0]).parent))
            if dlg.exec():
                self.open_pair(*dlg.paths())
        else:
            prompts.show_error(self.w, self.tr("No report files (.docx, .txt) were found there."))

    def open_pair(self, old: str, new: str) -> bool:
        if not self.confirm_discard():
            return False
        self.w.begin_loading(self.tr("Loading and comparing…"))
        self.w.runner.submit("load", jobs.open_pair, old, new, self.w.settings.compare_options(),
                             on_done=self._loaded, on_error=self._load_failed, in_process=True)
        self.w.settings.last_dir = str(Path(new).parent)
        return True

    def open_series(self, paths: list[str]) -> bool:
        if not self.confirm_discard():
            return False
        self.w.begin_loading(self.tr("Loading %n report(s)…", "", len(paths)))
        self.w.runner.submit("load", jobs.open_series, paths, self.w.settings.compare_options(),
                             on_done=self._loaded, on_error=self._load_failed, in_process=True)
        return True

    def compare_in_series(self, old: Report, new: Report) -> bool:
        """Switch to another pair of the loaded series (the year picker)."""
        if not self.confirm_discard():
            return False
        s = self.w.session
        self.w.begin_loading(self.tr("Comparing…"))
        self.w.runner.submit("load", jobs.compare_in_series, old, new, self.w.settings.compare_options(),
                             dict(s.series), self.w.series_table, on_done=self._loaded, on_error=self._load_failed, in_process=True)
        return True

    def _loaded(self, result: jobs.Opened) -> None:
        restore, self._pending_restore = self._pending_restore, None
        self.w.show_opened(result, draft_text=restore)
        if restore is not None:
            self.w.session.save_path = self._pending_save_path
        self.w.settings.add_recent(result.old.path, result.new.path)
        self.w.refresh_recent()
        self.opened.emit(result)

    def _load_failed(self, exc: BaseException) -> None:
        self.w.end_loading()
        if self._pending_restore is not None:
            self._keep_unrestorable(self._pending_restore)
            self._pending_restore = None
        if isinstance(exc, ReportDeskError):
            prompts.show_error(self.w, exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def confirm_discard(self) -> bool:
        """Before the draft is replaced: save / discard / cancel. True means go on."""
        if not self.w.session.dirty:
            return True
        answer = prompts.ask_save_changes(self.w)
        if answer is prompts.Answer.SAVE:
            return self.save()
        return answer is prompts.Answer.DISCARD

    # ------------------------------------------------------------ recovery
    def restore(self, rec: Recovery) -> None:
        """Reopen the compared files and put the autosaved draft back in the right pane."""
        snap = rec.snapshot
        # Keep the text in our own autosave at once: if loading fails, nothing is lost.
        self._pending_restore = snap.text
        self._pending_save_path = snap.save_path
        rec.discard()
        if snap.old_path and Path(snap.old_path).is_file():
            base = snap.new_path if snap.new_path and Path(snap.new_path).is_file() else snap.old_path
            self.w.begin_loading(self.tr("Restoring the draft…"))
            self.w.runner.submit("load", jobs.open_pair, snap.old_path, base, self.w.settings.compare_options(),
                                 on_done=self._loaded, on_error=self._load_failed, in_process=True)
        else:
            self._keep_unrestorable(snap.text)
            self._pending_restore = None

    def _keep_unrestorable(self, text: str) -> None:
        """The compared files are gone: write the draft next to the logs and say where."""
        path = self.w.data_dir / f"recovered-{time.strftime('%Y%m%d-%H%M%S')}.txt"
        try:
            save_draft(text, path)
        except SaveError as exc:
            prompts.show_error(self.w, exc)
            return
        prompts.show_info(self.w, self.tr("The compared files could not be opened. The recovered draft was saved as:\n%1").replace("%1", str(path)))

    # ------------------------------------------------------------ saving
    def save(self) -> bool:
        s = self.w.session
        if not s.is_open:
            return False
        path = s.save_path
        if not path:
            opened = s.opened_path()
            if opened is not None and opened.suffix.lower() in (".txt", ".docx") and opened.is_file():
                if prompts.ask_overwrite_opened(self.w, opened.name):
                    s.confirmed_overwrite = True
                    path = str(opened)
            if not path:
                return self.save_as()
        return self._write(path)

    def save_as(self) -> bool:
        s = self.w.session
        if not s.is_open:
            return False
        path = self.ask_save_path()
        if not path:
            return False
        if s.old_path and Path(path).resolve() == Path(s.old_path).resolve():
            prompts.show_error(self.w, SaveError("不能用草稿覆盖正在比较的上一年报告，请另选文件名。",
                                                 "save target is the old report", path))
            return False
        if s.needs_overwrite_question(path):
            if not prompts.ask_overwrite_opened(self.w, Path(path).name):
                return False
            s.confirmed_overwrite = True
        return self._write(path)

    def suggested_name(self, suffix: str = "（修改稿）.docx") -> str:
        s = self.w.session
        if s.save_path:
            return s.save_path
        base = Path(s.new_path) if s.new_path else Path(self.w.settings.last_dir or ".") / "草稿"
        return str(base.with_name(base.stem + suffix))

    def ask_save_path(self) -> str:
        path, chosen = QFileDialog.getSaveFileName(
            self.w, self.tr("Save draft as"), self.suggested_name(),
            self.tr("Word document (*.docx);;Plain text (*.txt)"),
        )
        if path and not Path(path).suffix:
            path += ".txt" if "txt" in chosen else ".docx"
        return path

    def _write(self, path: str) -> bool:
        s = self.w.session
        text = self.w.view.new_text()
        try:
            save_draft(text, path)
        except SaveError as exc:
            prompts.show_error(self.w, exc)
            return False
        s.draft_text = text
        s.mark_saved(path, text)
        self.w.autosaver.clear()
        self.w.settings.last_dir = str(Path(path).parent)
        self.w.update_caption()
        self.w.statusBar().showMessage(self.tr("Saved to %1").replace("%1", path), 5000)
        self.saved.emit(path)
        return True

    # ------------------------------------------------------------ export
    def ask_export(self) -> None:
        s = self.w.session
        if s.comparison is None:
            return
        dlg = ExportDialog(self.suggested_name("（审阅稿）.docx"), self.w.settings.author,
                           self.w.settings.export_form, s.is_input, self.w)
        if not dlg.exec():
            return
        self.w.settings.author = dlg.author.text()
        self.w.settings.export_form = dlg.form()
        self.export(dlg.path(), dlg.options())

    def export(self, path: str, options: dict[str, object]) -> None:
        s = self.w.session
        if s.comparison is None or s.is_input(path):
            return
        if self.w.drafting.pending() or self.w.panels_pending():
            # The last keystrokes are not compared yet: export what is on screen once they are.
            self._deferred_export = (path, options)
            if self.w.drafting.timer.isActive():
                self.w.drafting.recompare_now()
            self.w.begin_loading(self.tr("Comparing…"))
            return
        from reportdesk.export.docx_review import ExportOptions, export_review

        fields = getattr(ExportOptions, "__dataclass_fields__", {})
        opts = ExportOptions(**{k: v for k, v in options.items() if k in fields})
        self.w.begin_loading(self.tr("Exporting the review document…"), channel="export")
        self.w.runner.submit("export", export_review, s.comparison, path, opts,
                             on_done=lambda _r: self._exported(path), on_error=self._export_failed,
                             in_process=True)

    def _run_deferred_export(self) -> None:
        job, self._deferred_export = self._deferred_export, None
        if job is not None:
            self.export(*job)

    def _exported(self, path: str) -> None:
        self.w.end_loading()
        self.w.statusBar().showMessage(self.tr("Review document exported to %1").replace("%1", path), 8000)
        self.exported.emit(path)

    def _export_failed(self, exc: BaseException) -> None:
        self.w.end_loading()
        if isinstance(exc, ReportDeskError):
            prompts.show_error(self.w, exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def ask_export_json(self) -> None:
        s = self.w.session
        if s.comparison is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.w, self.tr("Export comparison as JSON"),
                                              self.suggested_name("（比较结果）.json"), "JSON (*.json)")
        if not path:
            return
        if s.is_input(path):
            prompts.show_error(self.w, SaveError("不能覆盖正在比较的报告文件，请另选文件名。"))
            return
        from reportdesk.engine import comparison_to_dict

        data = json.dumps(comparison_to_dict(s.comparison), ensure_ascii=False, indent=2, default=str)
        try:
            atomic_write(path, data.encode("utf-8"))
        except OSError as exc:
            prompts.show_error(self.w, SaveError(f"保存“{Path(path).name}”失败：{exc.strerror or exc}", repr(exc)))
