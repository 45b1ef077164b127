"""Sphinx configuration for the claimscope documentation."""

from __future__ import annotations

import importlib.metadata
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "claimscope"
author = "claimscope developers"
copyright = "2026, claimscope developers"
release = importlib.metadata.version("claimscope")

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx_autodoc_typehints",
    "cli_reference",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "out"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "claimscope"

autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_typehints = "description"
always_document_param_types = False
typehints_fully_qualified = False
# spaCy publishes no intersphinx inventory: its types are linked by hand in the text.
nitpicky = False
# Our machines and CI have no network, so the inventories are fetched only on request
# (CLAIMSCOPE_DOCS_ONLINE=1); offline, the references render as plain text.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "attrs": ("https://www.attrs.org/en/stable/", None),
    "pluggy": ("https://pluggy.readthedocs.io/en/stable/", None),
} if os.environ.get("CLAIMSCOPE_DOCS_ONLINE") else {}
intersphinx_timeout = 5

# Docstring examples run under pytest --doctest-modules, in their module's namespace;
# this builder runs the pages' {doctest} blocks.
doctest_test_doctest_blocks = ""
doctest_global_setup = """
import claimscope
"""
# Annotations that name types imported only for type checking cannot be resolved at
# documentation time; the text still shows them.
suppress_warnings = ["intersphinx", "config.cache", "sphinx_autodoc_typehints.forward_reference"]
