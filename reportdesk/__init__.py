"""ReportDesk (报告对照台): compare successive Chinese government work reports."""

__version__ = "0.1.0"
