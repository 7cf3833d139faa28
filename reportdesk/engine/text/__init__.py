"""Text as the engine sees it: normalisation with an offset map, sentences and clauses, tokens."""
