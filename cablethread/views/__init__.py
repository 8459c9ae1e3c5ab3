"""Views: a release shown in a notebook, at a terminal, or as a page of its own in a browser."""
