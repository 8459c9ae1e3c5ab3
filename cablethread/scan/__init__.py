"""Scan: where a text's header blocks, page furniture and attribution lines stand."""
