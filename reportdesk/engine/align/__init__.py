"""The matchers, kept apart from the diff: units, sections, sentence DP, moves and leftovers."""
