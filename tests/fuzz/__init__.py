"""Fuzzing ReportDesk with mutated real reports (``python -m tests.fuzz --help``).

- ``generate``: deterministic mutated inputs (text, encodings, bytes, .docx packages)
- ``check``: the properties each input must keep, in-process and through the CLI
- ``run``: a pool of at most two workers, a watchdog, the summary and failure folder
- ``test_fuzz``: a quick run in the normal test suite
"""
