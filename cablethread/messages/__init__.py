"""Messages: a document's stages, from header blocks to messages; printings merged."""
