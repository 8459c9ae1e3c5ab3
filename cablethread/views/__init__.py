"""Views: a release shown in a notebook or at a terminal."""
