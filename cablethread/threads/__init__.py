"""Threads: reply edges, thread order in real time, conversation headers.

:func:`build_threads` (in :mod:`cablethread.threads.build`) links a release's messages;
:mod:`~cablethread.threads.timeline` places them in real time and
:mod:`~cablethread.threads.conversation` derives Outlook's conversation headers from the result.
"""

from cablethread.threads.build import Threaded, build_threads

__all__ = ["Threaded", "build_threads"]
