"""Names the whole program agrees on; no imports, so the start reads them before anything heavy."""

ORGANIZATION = "ReportDesk"
APPLICATION = "ReportDesk"
LANGUAGES = ("zh_CN", "en")
COMMANDS = ("compare", "text", "targets", "series")  # reportdesk COMMAND …: the command line, not the window
