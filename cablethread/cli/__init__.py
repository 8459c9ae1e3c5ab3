"""The ``cablethread`` command: one function per subcommand, in :mod:`cablethread.cli.commands`."""

from cablethread.cli.commands import main

__all__ = ["main"]
