"""Runs in the perturbation legs of ``make test`` only: the hook is really active.

(Without ``NNFS_PERTURB_SEED`` these tests are skipped; ``make test`` runs
them in each perturbation leg next to the notebooks, so a hook that silently
did nothing would fail the leg.)
"""

import os

import numpy as np
import pytest

from nnfs_lib.datasets import xor
from nnfs_lib.lab.many import initial_weights_from_seeds
from nnfs_lib.network import NeuralNetwork

pytestmark = pytest.mark.skipif(not os.environ.get("NNFS_PERTURB_SEED"),
                                reason="only in make test's perturbation legs")



def test_every_weight_of_a_network_is_one_ulp_off_its_draw():
    x, y = xor()
    net = NeuralNetwork(x, y, rng=0)
    rng = np.random.default_rng(0)
    for drawn, used in ((rng.random((3, 4)), net.weights1), (rng.random((4, 1)), net.weights2)):
        assert np.all(used != drawn)
        one_ulp = np.abs(np.nextafter(drawn, used) - drawn)
        np.testing.assert_array_equal(np.abs(used - drawn), one_ulp)


def test_the_batch_trainers_weights_are_nudged_too():
    weights1, _ = initial_weights_from_seeds([0, 1], 3)
    assert np.all(weights1[0] != np.random.default_rng(0).random((3, 4)))
