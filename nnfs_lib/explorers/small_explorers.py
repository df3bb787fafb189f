"""The smaller explorers (notebooks 03, 04, 05), drawn in the browser by ``static/charts.js``.

* ``ActivationExplorer`` (notebook 03): sigmoid(w·x + b) and sigmoid′(z);
* ``NeuronExplorer`` (notebook 04): one neuron's weighted sum and output;
* ``LossExplorer`` (notebook 05): the loss along one weight, its tangent.

Each holds its controls in ``values`` (synced with the browser's sliders) and,
after every change, sends ``view``: the numbers of the picture, computed by the
functions of ``explorers.small`` that the static figures use (see
``base._ControlsExplorer``).
"""

import numpy as np
import traitlets

from nnfs_lib._checks import check_count, check_real_number
from nnfs_lib.activations import sigmoid, sigmoid_derivative
from nnfs_lib.explorers.base import _ControlsExplorer, _module
from nnfs_lib.explorers.small import (
    ACTIVATION_X,
    _check_which,
    _minus,
    _three_numbers,
    loss_along,
    neuron_equation,
    neuron_output,
)
from nnfs_lib.explorers.training_settings import MAX_SEED, initial_weights

#: The z axis of the neuron explorer's sigmoid panel.
NEURON_Z = np.linspace(-8, 8, 161)


class ActivationExplorer(_ControlsExplorer):
    """One neuron a = sigmoid(w·x + b) and sigmoid′(z) at z = w·x + b (notebook 03).

    The weight w sets the steepness (the slope against x at the centre is w/4),
    the bias b shifts the curve: its centre sits at x = -b/w.
    """

    _esm = _module("charts.js")
    KIND = "activation"
    CONTROLS = (("weight", "weight w", -5, 5, 0.1, 0), ("bias", "bias b", -5, 5, 0.1, 0))

    def __init__(self, weight=1.0, bias=0.0, raise_errors=False):
        super().__init__({"weight": weight, "bias": bias}, raise_errors)

    def _check(self, values):
        return {name: check_real_number(name, values.get(name)) for name in ("weight", "bias")}

    def _view(self, values):
        z = values["weight"] * ACTIVATION_X + values["bias"]
        return {"x": ACTIVATION_X.tolist(), "sigma": sigmoid(z).tolist(),
                "derivative": sigmoid_derivative(z).tolist(),
                "title": _minus(f"One neuron: w = {values['weight']:.3g}, "
                                f"b = {values['bias']:.3g}")}


class NeuronExplorer(_ControlsExplorer):
    """A single neuron: inputs x1, x2, x3, weights w1..w3, output sigmoid(Σ wᵢxᵢ) (notebook 04)."""

    _esm = _module("charts.js")
    KIND = "neuron"
    CONTROLS = tuple((f"x{i}", f"input x{i}", 0, 1, 0.1, 0) for i in (1, 2, 3)) + tuple(
        (f"w{i}", f"weight w{i}", -5, 5, 0.1, 0) for i in (1, 2, 3))

    def __init__(self, inputs=(1.0, 0.0, 1.0), weights=(0.5, -0.5, 0.2), raise_errors=False):
        inputs = _three_numbers("inputs", inputs)
        weights = _three_numbers("weights", weights)
        values = {f"x{i + 1}": float(inputs[i]) for i in range(3)}
        values.update({f"w{i + 1}": float(weights[i]) for i in range(3)})
        super().__init__(values, raise_errors)

    def _check(self, values):
        return {name: check_real_number(name, values.get(name))
                for name, *_ in self.CONTROLS}

    def _view(self, values):
        inputs = [values[f"x{i}"] for i in (1, 2, 3)]
        weights = [values[f"w{i}"] for i in (1, 2, 3)]
        z, output = neuron_output(inputs, weights)
        return {"inputs": inputs, "weights": weights, "z": z, "output": output,
                "curve_z": NEURON_Z.tolist(), "sigma": sigmoid(NEURON_Z).tolist(),
                "derivative": sigmoid_derivative(NEURON_Z).tolist(),
                "equation": neuron_equation(inputs, weights, z),
                "title": f"output a = σ(z) = σ({_minus(f'{z:.3g}')}) = {output:.3f}"}


class LossExplorer(_ControlsExplorer):
    """The loss along one chosen weight, with the current point and its tangent (notebook 05).

    All other weights stay at their initial values (seed ``seed``). The
    tangent's slope is that weight's entry of ``network.gradients()``:
    gradient descent moves the weight downhill along it. Choosing another
    weight or seed puts the point at that weight's initial value.
    """

    _esm = _module("charts.js")
    KIND = "loss"
    CONTROLS = (("seed", "random seed", 0, 100, 1, 0), ("value", "its value", -8, 8, 0.05, 0))
    choices = traitlets.List().tag(sync=True)

    def __init__(self, seed=0, raise_errors=False):
        seed = check_count("seed", seed, maximum=MAX_SEED)
        names = [(f"weights1[{i},{j}]  (x{i + 1}→h{j + 1})", [0, i, j])
                 for i in range(3) for j in range(4)]
        names += [(f"weights2[{j},0]  (h{j + 1}→ŷ)", [1, j, 0]) for j in range(4)]
        value = float(round(initial_weights(seed)[1][0, 0], 2))
        super().__init__({"which": [1, 0, 0], "seed": seed, "value": value}, raise_errors,
                         choices=[[label, which] for label, which in names])

    def _check(self, values):
        which = list(_check_which(values.get("which")))
        seed = check_count("seed", values.get("seed"), maximum=MAX_SEED)
        good = getattr(self, "_good", None)
        if good is not None and (which != good["which"] or seed != good["seed"]):
            value = float(initial_weights(seed)[which[0]][which[1], which[2]])
        else:
            value = check_real_number("value", values.get("value"))
        return {"which": which, "seed": seed, "value": value}

    def _view(self, values):
        numbers = loss_along(values["which"], values["value"], values["seed"],
                             span=(min(-8.0, values["value"]), max(8.0, values["value"])))
        slope = numbers["slope"]
        direction = "decrease" if slope > 0 else "increase" if slope < 0 else "keep"
        view = {key: (value.tolist() if isinstance(value, np.ndarray) else value)
                for key, value in numbers.items()}
        view["title"] = (f"loss {numbers['loss']:.4f}, gradient {slope:+.4f}:\ndescent would "
                         f"{direction} {numbers['name']}")
        return view
