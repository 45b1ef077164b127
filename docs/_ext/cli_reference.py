"""A Sphinx directive that documents the claimscope CLI from the typer app itself.

``.. claimscope-cli::`` renders one section per command: its help text and a table of
its arguments and options (names, defaults, help), read from the (click) command objects,
so the reference cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective


def _row(param: Any) -> list[str]:
    names = ", ".join(f"``{name}``" for name in (*param.opts, *param.secondary_opts))
    help_text = getattr(param, "help", None) or ""
    default = param.default if not callable(param.default) else None
    shown = "" if default in (None, (), False) or param.required else f" (default: ``{default}``)"
    kind = param.param_type_name  # "argument" or "option"
    return [f"   * - {names}", f"     - {kind}", f"     - {' '.join(help_text.split())}{shown}"]


def _command_rst(name: str, command: Any) -> list[str]:
    lines = [f"``claimscope {name}``", "-" * (len(name) + 16), ""]
    lines += [" ".join((command.help or "").split()), ""]
    params = [p for p in command.params if p.name != "help"]
    if params:
        lines += [".. list-table::", "   :header-rows: 1", "", "   * - name", "     - kind",
                  "     - meaning", *(line for p in params for line in _row(p)), ""]
    return lines


class ClaimscopeCli(SphinxDirective):
    """Render the reference of every ``claimscope`` subcommand."""

    def run(self) -> list[nodes.Node]:
        from claimscope.cli import click_command

        # typer ships its own copy of click, so commands are duck-typed here.
        lines: list[str] = []
        for name in sorted(click_command.commands):
            lines += _command_rst(name, click_command.commands[name])
        container = nodes.section()
        container.document = self.state.document
        self.state.nested_parse(StringList(lines), self.content_offset, container,
                                match_titles=True)
        return list(container.children)


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("claimscope-cli", ClaimscopeCli)
    return {"parallel_read_safe": True}
