"""Reading: files, encodings and PDFs in, one :class:`~cablethread.SourceText` out."""
