"""``python -m cablethread``: the same as the ``cablethread`` command."""

import sys

from cablethread.cli.commands import main

sys.exit(main())
