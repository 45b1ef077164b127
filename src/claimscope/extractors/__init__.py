"""Built-in extractors. Each subpackage is a plugin registered through the ``claimscope``
entry-point group, exactly like a third-party plugin; the core never imports them."""
