"""Files → ``LoadedDocument``: sniff the type, decode text, read .docx (numbering included)."""
