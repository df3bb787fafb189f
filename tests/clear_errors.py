"""The project's promise for bad input, as one assertion the test modules share."""

import warnings

import pytest


def assert_clear_error(call, error, argument):
    """``call()`` raises ``error`` whose message names ``argument``, and warns nothing first."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(error, match=argument):
            call()
