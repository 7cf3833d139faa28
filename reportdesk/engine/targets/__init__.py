"""Figures as values: number grammar, extraction, kind, pairing across years, verdicts, series."""
