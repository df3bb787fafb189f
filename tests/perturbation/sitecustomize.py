"""Test-only hook: move every initial weight the library draws by one ulp.

Python imports ``sitecustomize`` at start-up from ``sys.path``; ``make test``
puts this folder on ``PYTHONPATH`` with ``NNFS_PERTURB_SEED=s`` for its
perturbation legs, so every notebook kernel starts with
``nnfs_lib.network.draw_weights`` replaced by a version that moves each
weight it returns one ulp up or down (a sign pattern from seed ``s``). A
printed number that changes under such a nudge sits on a knife edge: it
would also change on another CPU or numpy version. Without the variable
this file does nothing.
"""

import os

_SEED = os.environ.get("NNFS_PERTURB_SEED")

if _SEED:
    import numpy as np

    import nnfs_lib.network

    _draw = nnfs_lib.network.draw_weights
    _signs = np.random.default_rng(int(_SEED))

    def _nudged(generator, shape, init_scale=1.0):
        weights = _draw(generator, shape, init_scale)
        towards = np.where(_signs.random(weights.shape) < 0.5, -np.inf, np.inf)
        return np.nextafter(weights, towards)

    nnfs_lib.network.draw_weights = _nudged
