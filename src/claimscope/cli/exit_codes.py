"""The documented exit codes of the ``claimscope`` command.

>>> int(ExitCode.DOCUMENTS_FAILED)
1
"""

from __future__ import annotations

import enum

__all__ = ["ExitCode"]


class ExitCode(enum.IntEnum):
    """What the process exit status means."""

    #: Every document was read and processed.
    OK = 0
    #: Some input could not be read or processed; all the others were written.
    DOCUMENTS_FAILED = 1
    #: Bad command line (unknown option, extractor or model).
    USAGE = 2
    #: An installed plugin failed to load; the other plugins ran.
    PLUGIN_LOAD = 3
