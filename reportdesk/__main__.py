"""``reportdesk``: a CLI command (compare, text, targets, series) or the desktop app."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # The names only: importing cli would import the whole engine (0.3-0.45 s) before the
    # window can start its engine process (issue 12: start-up).
    from .app.names import COMMANDS

    if argv and argv[0] in COMMANDS:
        try:
            from .cli import main as cli_main

            return cli_main(argv)
        except KeyboardInterrupt:  # before the command started (cli.main handles the rest)
            print("已中断。", file=sys.stderr)
            return 130
    return gui_main(argv)


def gui_main(argv: list[str] | None = None) -> int:
    from . import cli_zh
    from .gui import run_gui  # imports Qt only when the window is wanted

    cli_zh.install()  # ``reportdesk -h`` in Chinese, like the commands' help

    return run_gui(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
