"""Fields: one reader per header field, in the ordered table ``readers.FIELD_READERS`` (dates and
zones, subjects, parties, directory)."""
