"""Word-level edits inside aligned pairs (``inline``) and the whole-document edit script (``document``)."""
