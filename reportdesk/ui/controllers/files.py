"""Opening, saving, exporting and restoring: the window's file flows.

Loading and exporting run on the task runner; saving the draft is quick and
runs inline so "save, then close" is one step.  Every ReportDeskError becomes
a message box with its Chinese message; anything else goes to the crash
handler (sys.excepthook).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from reportdesk.app import jobs
from reportdesk.app.autosave import DraftSnapshot, Recovery
from reportdesk.app.context import AppContext
from reportdesk.app.saving import save_draft
from reportdesk.engine import ReportDeskError, SaveError
from reportdesk.export.atomic import same_file
from reportdesk.export.author import default_author
from reportdesk.export.json_out import write_json_file
from reportdesk.ui.compare_view import CompareView
from reportdesk.ui.controllers.drafting import adopt_session
from reportdesk.ui.controllers.loading import Loading
from reportdesk.ui.dialogs import prompts
from reportdesk.ui.dialogs.compare_dialog import CompareDialog
from reportdesk.ui.dialogs.export_dialog import ExportDialog
from reportdesk.ui.places import documents_dir, is_bundled
from reportdesk.ui.status_area import StatusArea


class FileHost(Protocol):
    """What the file flows need from the window (``MainWindow`` implements it)."""

    view: CompareView  # shows a pair's texts while it is compared
    status: StatusArea  # its 取消 ends a load in progress

    def dialog_parent(self) -> QWidget: ...

    def begin_loading(self, message: str, channel: str = "load") -> None: ...

    def end_loading(self) -> None: ...

    def show_opened(self, result: jobs.Opened, draft_text: str | None = None) -> None: ...

    def draft_text(self) -> str: ...

    def show_message(self, text: str, timeout_ms: int) -> None: ...

    def comparison_settled(self) -> bool:
        """True when the comparison on screen is of the draft on screen, its text (else one is on its way)."""
        ...

    def keep_draft(self, snap: DraftSnapshot) -> bool:
        """Write ``snap`` to this window's own autosave file now; False when it could not be written."""
        ...


class FileController(QObject):
    opened = Signal(object)  # jobs.Opened, after the window shows it
    exported = Signal(str)
    saved = Signal(str)

    def __init__(self, ctx: AppContext, host: FileHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.host = host
        self._pending_restore: str | None = None  # draft text to put back after loading
        self._pending_save_path = ""
        self._restoring: DraftSnapshot | None = None  # the recovered draft until it is on screen
        self._deferred_export: tuple[str, dict[str, Any]] | None = None
        self.loading = Loading(ctx, host.view, host.status, self._cancelled, self)

    @property
    def _parent(self) -> QWidget:
        return self.host.dialog_parent()

    def _load(self, message: str, fn: Callable[..., Any], *args: object, post: Callable[[Any], Any] | None = None,
              live: bool = True) -> None:
        """``live``: ``fn`` starts a live session, named by a fresh id (its last argument) adopted when shown."""
        self.host.begin_loading(message)
        sid = self.ctx.session.new_sid() if live else ""
        self.ctx.runner.submit("load", fn, *args, *([sid] if live else []), on_done=lambda r: self._loaded(r, sid),
                               on_error=self._load_failed, in_process=True, post=post)

    def _load_pair(self, old: str, new: str) -> None:
        # In pieces, rebuilt in the worker thread: one ~100 ms unpickle would hold the window.
        self._load(self.tr("Loading and comparing…"), jobs.open_pair_packed, old, new,
                   self.ctx.settings.compare_options(), post=jobs.unpack_opened)
        self.loading.texts_first(old, new, lambda: self._pending_restore is None)

    def _cancelled(self) -> None:
        self._pending_restore = self._restoring = None
        self.host.end_loading()

    # ------------------------------------------------------------ opening
    def ask_open(self) -> None:
        s = self.ctx.session
        dlg = CompareDialog(self._parent, s.old_path, s.new_path, self.ctx.settings.last_dir)
        if dlg.exec():
            self.open_pair(*dlg.paths())

    def ask_open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._parent, self.tr("Folder of yearly reports"),
                                                  self.ctx.settings.last_dir)
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
            dlg = CompareDialog(self._parent, "", files[0], str(Path(files[0]).parent))
            if dlg.exec():
                self.open_pair(*dlg.paths())
        else:
            prompts.show_error(self._parent, self.tr("No report files (.docx, .txt) were found there."))

    def open_pair(self, old: str, new: str) -> bool:
        if not self.confirm_discard():
            return False
        self._load_pair(old, new)
        if not is_bundled(new):
            self.ctx.settings.last_dir = str(Path(new).parent)
        return True

    def open_series(self, paths: list[str]) -> bool:
        if not self.confirm_discard():
            return False
        self._load(self.tr("Loading %n report(s)…", "", len(paths)), jobs.open_series, paths,
                   self.ctx.settings.compare_options())
        return True

    def compare_in_series(self, pair: int) -> bool:
        """Switch to pair ``pair`` of the loaded series, (years[pair], years[pair + 1]): the year picker."""
        s = self.ctx.session
        years = sorted(s.series)
        if not 0 <= pair < len(years) - 1 or not self.confirm_discard():
            return False
        self._load(self.tr("Comparing…"), jobs.compare_in_series, s.series[years[pair]], s.series[years[pair + 1]],
                   self.ctx.settings.compare_options(), dict(s.series), s.series_table)
        return True

    def _loaded(self, result: jobs.Opened, sid: str = "") -> None:
        if self._pending_restore is None and not result.series and self._swap_asked(result):
            return
        restore, self._pending_restore = self._pending_restore, None
        self._restoring = None
        adopt_session(self.ctx, sid)  # the previous pair's session is closed in the engine
        self.host.show_opened(result, draft_text=restore)
        self.loading.shown()
        if restore is not None:
            self.ctx.session.save_path = self._pending_save_path
        self.ctx.settings.add_recent(result.old.path, result.new.path)
        self.opened.emit(result)
        self._tell_how_read(result)

    def _swap_asked(self, result: jobs.Opened) -> bool:
        """Older year on the right: offer to swap (True: the swapped pair is loading instead).
        The same file, or the same text, on both sides: say so."""
        old, new = result.old, result.new
        if old.year and new.year and old.year > new.year and prompts.ask_swap(self._parent, old.year, new.year):
            self._load_pair(new.path, old.path)
            return True
        if same_file(Path(old.path), Path(new.path)):
            prompts.show_info(self._parent, self.tr("Both sides are the same file: there is nothing to compare. "
                                                    "Choose last year's report for the left side."))
        elif old.text == new.text:
            prompts.show_info(self._parent, self.tr("The two files have exactly the same text: there are no changes."))
        return False

    def _tell_how_read(self, result: jobs.Opened) -> None:
        """Say what a file held that was not read as plain text (revisions, comments, text boxes…)."""
        lines = [f"“{Path(r.path).name}”：{n}" for r in (result.old, result.new) for n in r.notices]
        if lines:
            prompts.show_info(self._parent, self.tr("How the files were read:") + "\n\n" + "\n".join(lines))

    def _load_failed(self, exc: BaseException) -> None:
        self.loading.failed()
        self.host.end_loading()
        if self._pending_restore is not None:
            self._keep_unrestorable(self._pending_restore)
            self._pending_restore = None
        self._restoring = None
        self._report(exc)

    def _report(self, exc: BaseException) -> None:
        """A ReportDeskError is the user's to read; anything else is a bug for the crash handler."""
        if isinstance(exc, ReportDeskError):
            prompts.show_error(self._parent, exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def confirm_discard(self) -> bool:
        """Before the draft is replaced: save / discard / cancel. True means go on."""
        if not self.ctx.session.dirty:
            return True
        answer = prompts.ask_save_changes(self._parent)
        if answer is prompts.Answer.SAVE:
            return self.save()
        return answer is prompts.Answer.DISCARD

    # ------------------------------------------------------------ recovery
    def restore(self, rec: Recovery) -> None:
        """Reopen the compared files and put the autosaved draft back in the right pane."""
        snap = rec.snapshot
        # The recovered text goes into our own autosave (atomically, on disk) before the
        # old recovery file is deleted: a second crash while reloading loses nothing.
        self._restoring = snap
        if not self.host.keep_draft(snap):
            self._restoring = None
            prompts.show_error(self._parent, SaveError(
                self.tr("The recovered draft could not be copied into the autosave folder; "
                        "the recovery file is kept and will be offered again at the next start."),
                f"could not keep recovered draft from {rec.path}"))
            return
        rec.discard()
        self._pending_restore = snap.text
        self._pending_save_path = snap.save_path
        if snap.old_path and Path(snap.old_path).is_file():
            base = snap.new_path if snap.new_path and Path(snap.new_path).is_file() else snap.old_path
            self._load(self.tr("Restoring the draft…"), jobs.open_pair, snap.old_path, base,
                       self.ctx.settings.compare_options(), live=False)
        else:
            self._keep_unrestorable(snap.text)
            self._pending_restore = None

    def pending_snapshot(self) -> DraftSnapshot | None:
        """The recovered draft while it is being reopened (autosave and the crash handler keep it)."""
        return self._restoring

    def _keep_unrestorable(self, text: str) -> None:
        """The compared files are gone: write the draft next to the logs and say where."""
        path = self.ctx.data_dir / f"recovered-{time.strftime('%Y%m%d-%H%M%S')}.txt"
        try:
            save_draft(text, path)
        except SaveError as exc:
            prompts.show_error(self._parent, exc)
            return
        prompts.show_info(self._parent, self.tr("The compared files could not be opened. The recovered draft was saved as:\n%1").replace("%1", str(path)))

    # ------------------------------------------------------------ saving
    def save(self) -> bool:
        s = self.ctx.session
        if not s.is_open:
            return False
        path = s.save_path
        if not path:
            opened = s.opened_path()
            if opened is not None and is_bundled(opened):  # a demo sample is read-only: Save As
                return self.save_as()
            if opened is not None and opened.suffix.lower() in (".txt", ".docx") and opened.is_file():
                if prompts.ask_overwrite_opened(self._parent, opened.name):
                    s.confirmed_overwrite = True
                    path = str(opened)
            if not path:
                return self.save_as()
        return self._write(path)

    def save_as(self) -> bool:
        s = self.ctx.session
        if not s.is_open:
            return False
        path = self.ask_save_path()
        if not path:
            return False
        if s.old_path and same_file(Path(path), Path(s.old_path)):
            prompts.show_error(self._parent, SaveError("不能用草稿覆盖正在比较的上一年报告，请另选文件名。",
                                                       "save target is the old report", path))
            return False
        if s.needs_overwrite_question(path):
            if not prompts.ask_overwrite_opened(self._parent, Path(path).name):
                return False
            s.confirmed_overwrite = True
        return self._write(path)

    def suggested_name(self, suffix: str = "（修改稿）.docx") -> str:
        s = self.ctx.session
        if s.save_path:
            return s.save_path
        base = Path(s.new_path) if s.new_path else Path(self.ctx.settings.last_dir or ".") / "草稿"
        if is_bundled(base):  # never suggest the installed samples folder
            base = documents_dir() / base.name
        return str(base.with_name(base.stem + suffix))

    def ask_save_path(self) -> str:
        path, chosen = QFileDialog.getSaveFileName(
            self._parent, self.tr("Save draft as"), self.suggested_name(),
            self.tr("Word document (*.docx);;Plain text (*.txt)"),
        )
        if path and not Path(path).suffix:
            path += ".txt" if "txt" in chosen else ".docx"
        return path

    def _write(self, path: str) -> bool:
        s = self.ctx.session
        text = self.host.draft_text()
        if text != s.draft_text:  # e.g. another pair's text shown while it loads: never save that
            prompts.show_error(self._parent, SaveError(
                "窗口中显示的文字不是当前草稿（可能有报告正在载入），未保存任何内容。请等载入结束后再保存。",
                "view text is not the session's draft", path))
            return False
        opened = s.new_report.encoding if s.new_report is not None else None  # a .txt keeps it
        try:
            save_draft(text, path, opened)
        except SaveError as exc:
            prompts.show_error(self._parent, exc)
            return False
        s.draft_text = text
        s.mark_saved(path, text)
        self.ctx.settings.last_dir = str(Path(path).parent)
        self.host.show_message(self.tr("Saved to %1").replace("%1", path), 5000)
        self.saved.emit(path)
        return True

    # ------------------------------------------------------------ export
    def ask_export(self) -> None:
        s, settings = self.ctx.session, self.ctx.settings
        if s.comparison is None:
            return
        parts = settings.export_parts
        dlg = ExportDialog(self.suggested_name("（审阅稿）.docx"), settings.author,
                           settings.export_form if parts is None else parts, s.is_input, self._parent)
        if not dlg.exec():
            return
        # keep only a name the user chose: the signed-in name is looked up afresh each time
        typed = dlg.author.text().strip()
        settings.author = "" if typed == default_author() else typed
        settings.export_form = dlg.form()
        settings.export_parts = dlg.parts()
        self.export(dlg.path(), dlg.options())

    def export(self, path: str, options: dict[str, Any]) -> None:
        s = self.ctx.session
        if s.comparison is None or s.is_input(path):
            return
        if not self.host.comparison_settled():
            # The comparison is not of the draft on screen (the last keystrokes are on their
            # way, or it is of an older draft): export what is on screen once it is.
            self._deferred_export = (path, options)
            self.host.begin_loading(self.tr("Comparing…"))
            return
        from reportdesk.export.docx_review import ExportOptions, export_review

        fields = getattr(ExportOptions, "__dataclass_fields__", {})
        opts = ExportOptions(**{k: v for k, v in options.items() if k in fields})
        self.host.begin_loading(self.tr("Exporting the review document…"), channel="export")
        self.ctx.runner.submit("export", export_review, s.comparison, path, opts,
                               on_done=lambda _r: self._exported(path), on_error=self._export_failed,
                               in_process=True)

    def run_deferred_export(self) -> None:
        """A comparison reached the screen: run an export that waited for it."""
        job, self._deferred_export = self._deferred_export, None
        if job is not None:
            self.export(*job)

    def _exported(self, path: str) -> None:
        self.host.end_loading()
        self.exported.emit(path)  # the window offers to open the file or its folder

    def _export_failed(self, exc: BaseException) -> None:
        self.host.end_loading()
        self._report(exc)

    def ask_export_json(self) -> None:
        s = self.ctx.session
        if s.comparison is None:
            return
        path, _ = QFileDialog.getSaveFileName(self._parent, self.tr("Export comparison as JSON"),
                                              self.suggested_name("（比较结果）.json"), "JSON (*.json)")
        if not path:
            return
        if s.is_input(path):
            prompts.show_error(self._parent, SaveError("不能覆盖正在比较的报告文件，请另选文件名。"))
            return
        from reportdesk.engine import comparison_to_dict

        try:
            write_json_file(comparison_to_dict(s.comparison), path, (s.old_path, s.new_path))
        except ReportDeskError as exc:
            prompts.show_error(self._parent, exc)
