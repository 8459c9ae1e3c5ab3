"""Lexicon: header labels, body markers and withholding codes, in every language read."""
