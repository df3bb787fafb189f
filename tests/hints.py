"""The exercise checks' promise for a wrong answer, as one assertion the test modules share."""

from nnfs_lib.exercises._checking import CheckResult


def assert_hint(result, *secrets):
    """``result`` is a failed check whose hint gives none of ``secrets`` (lower-cased) away."""
    assert isinstance(result, CheckResult)
    assert not result
    message = repr(result)
    assert message.startswith("❌ Not yet. Hint: "), message
    for secret in secrets:
        assert secret not in message.lower(), message
