"""Review documents for Word and WPS (python-docx + our own OOXML; never Qt).

Entry point: ``reportdesk.export.docx_review.export_review(comparison, path, options)``.
"""
