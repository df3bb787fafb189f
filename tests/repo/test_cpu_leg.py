"""Runs in the CPU legs of ``make test`` only: numpy really avoids the disabled targets.

``make test`` re-runs the notebooks with AVX-512 (and then AVX2) switched off
through ``NPY_DISABLE_CPU_FEATURES``, as on most students' laptops. Unknown
feature names only warn, and ``X86_V4`` alone leaves ``AVX512_ICL`` on, so
this test reads numpy's dispatch table and OpenBLAS's core type to prove the
leg ran on the code paths it claims. ``NNFS_CPU_LEG`` names the leg.
"""

import os

import numpy as np
import pytest

LEG = os.environ.get("NNFS_CPU_LEG")
#: The dispatch targets each leg must not use, and the OpenBLAS core it asks for.
FORBIDDEN = {"no-avx512": ("X86_V4", "AVX512"), "no-avx2": ("X86_V4", "AVX512", "X86_V3")}
CORETYPE = {"no-avx512": "Haswell", "no-avx2": "Nehalem"}

pytestmark = pytest.mark.skipif(LEG is None, reason="only in make test's CPU legs")


def test_the_leg_is_known():
    assert LEG in FORBIDDEN


def test_no_disabled_target_is_in_use():
    introspect = pytest.importorskip("numpy.lib.introspect")  # numpy >= 2.0
    in_use = {signature["current"] for function in introspect.opt_func_info().values()
              for signature in function.values()}
    assert in_use, "the dispatch table is empty"
    bad = {target for target in in_use if target.startswith(FORBIDDEN[LEG])}
    assert not bad, f"numpy still dispatches to {sorted(bad)}"


def test_no_disabled_target_is_found():
    """What ``numpy.show_runtime()`` lists as "found": dispatch targets this CPU may use."""
    try:
        from numpy._core import _multiarray_umath as umath
    except ImportError:  # numpy 1.x
        from numpy.core import _multiarray_umath as umath
    found = [t for t in umath.__cpu_dispatch__ if umath.__cpu_features__.get(t)]
    bad = [target for target in found if target.startswith(FORBIDDEN[LEG])]
    assert not bad, f"numpy may still dispatch to {bad}"


def test_openblas_runs_the_requested_core():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    np.ones((2, 2)) @ np.ones((2, 2))
    blas = [pool for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["architecture"] == CORETYPE[LEG] for pool in blas), blas
