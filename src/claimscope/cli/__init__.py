"""The ``claimscope`` command line (typer): ``extract``, ``plugins``, ``evaluate``.

Data goes to stdout, messages and progress to stderr. Exit codes are
:class:`~claimscope.cli.exit_codes.ExitCode`.
"""

from __future__ import annotations

import logging
import os
import sys

import typer

from claimscope.cli.evaluate import evaluate_command
from claimscope.cli.exit_codes import ExitCode
from claimscope.cli.extract import extract_command
from claimscope.cli.plugins import plugins_command
from claimscope.cli.render import render_command

__all__ = ["app", "click_command", "main", "ExitCode"]

app = typer.Typer(
    name="claimscope", no_args_is_help=True, add_completion=False,
    pretty_exceptions_enable=False,
    help="Structured, attributed claims from conflict news.",
)
app.command("extract")(extract_command)
app.command("plugins")(plugins_command)
app.command("evaluate")(evaluate_command)
app.command("render")(render_command)

#: The click command behind the typer app (for sphinx-click and embedding).
click_command = typer.main.get_command(app)


def main() -> None:
    """Entry point of the ``claimscope`` script: quiet on a closed pipe (``| head``)."""
    # Library warnings (plugin load failures …) reach the user as one-line messages.
    logging.basicConfig(format="claimscope: %(message)s", level=logging.WARNING)
    try:
        app()
    except BrokenPipeError:
        # Python flushes stdout at exit; point it at devnull so that flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(int(ExitCode.OK))
