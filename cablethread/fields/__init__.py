"""Fields: one reader per header field (dates and zones, subjects, parties, directory)."""
