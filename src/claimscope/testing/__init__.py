"""Tools for testing claimscope and its plugins (needs ``hypothesis``: the ``testing``
extra). :mod:`claimscope.testing.strategies` holds hypothesis strategies for texts,
documents and results."""
