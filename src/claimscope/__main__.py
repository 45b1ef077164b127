"""``python -m claimscope``: the same as the ``claimscope`` command."""

from claimscope.cli import main

main()
