"""The backpropagation stepper without a browser: the data it sends (what stepper.js
draws from, ``data`` and ``steps``) against the library's values computed here on a
fresh network, ``next_iteration`` against one library ``backprop()``; the static figure."""

import numpy as np
import pytest

from nnfs_lib.datasets import xor
from nnfs_lib.explorers.base import FRIENDLY
from nnfs_lib.explorers.stepper import STEPS, VIEWS, BackpropStepper
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.plots.stepper import gradient_diagram, gradient_numbers

#: The value of iteration_values (or the network) each key of a view stands for.
FROM_VALUES = {"z1": "z1", "a1": "layer1", "z2": "z2", "y_hat": "output",
               "d_output": "d_output", "delta2": "delta2", "delta1": "delta1"}


def _fresh(seed=0, rate=1.0, iterations=0):
    network = NeuralNetwork(*xor(), rng=seed, learning_rate=rate)
    for _ in range(iterations):
        network.backprop()
    return network


def _check_views(data, network):
    assert set(data["views"]) == set(VIEWS)
    for name, view in data["views"].items():
        sample = None if name == "all" else int(name) - 1
        values = network.iteration_values(sample)
        rows = slice(None) if sample is None else [sample]
        for key, source in FROM_VALUES.items():
            assert np.array_equal(np.reshape(view[key], values[source].shape), values[source]), key
        assert view["loss"] == values["loss"]
        assert np.array_equal(view["grad1"], values["gradients"][0])
        assert np.array_equal(view["grad2"], values["gradients"][1][:, 0])
        assert np.array_equal(view["x"], network.input[rows])
        assert np.array_equal(view["y"], network.y[rows, 0])
        # the slopes the formulas multiply by: a(1 - a), whose products are the deltas
        output = values["output"][:, 0]
        np.testing.assert_allclose(view["slope2"], output * (1 - output), rtol=1e-15)
        np.testing.assert_allclose(view["delta2"],
                                   np.array(view["d_output"]) * view["slope2"], rtol=1e-15)
        np.testing.assert_allclose(
            view["delta1"], np.outer(view["delta2"], network.weights2[:, 0]) * view["slope1"],
            rtol=1e-14)
    assert np.array_equal(data["weights1"], network.weights1)
    assert np.array_equal(data["weights2"], network.weights2[:, 0])
    stepped = network.copy()
    stepped.backprop()
    assert np.array_equal(data["new_weights1"], stepped.weights1)
    assert np.array_equal(data["new_weights2"], stepped.weights2[:, 0])
    assert data["loss_after"] == stepped.loss()  # the headline's loss after the update


@pytest.mark.parametrize("seed, rate", [(0, 1.0), (3, 0.5), (11, 10.0)])
def test_the_data_are_the_librarys_values(seed, rate):
    stepper = BackpropStepper(seed=seed, learning_rate=rate, raise_errors=True)
    assert stepper.data["iteration"] == 0 and stepper.data["learning_rate"] == rate
    _check_views(stepper.data, _fresh(seed, rate))


def test_each_step_shows_its_values():
    stepper = BackpropStepper(raise_errors=True)
    assert [s["title"] for s in stepper.steps] == [s["title"] for s in STEPS]
    assert len(STEPS) == 8
    network = _fresh()
    for number, spec in enumerate(stepper.steps, start=1):
        for key in spec.get("hidden", []) + spec.get("output", []):
            assert key in stepper.data["views"]["all"], (number, key)
    # steps 5, 7 and 8 write on the edges: dW2, dW1, then the new weights
    assert [(s.get("edges1"), s.get("edges2")) for s in STEPS] == [(None, None)] * 4 + [
        (None, "grad2"), (None, None), ("grad1", None), ("new_weights1", "new_weights2")]
    for name in VIEWS:
        sample = None if name == "all" else int(name) - 1
        grad1, grad2 = network.iteration_values(sample)["gradients"]
        view = stepper.data["views"][name]
        assert np.array_equal(view[STEPS[4]["edges2"]], grad2[:, 0])
        assert np.array_equal(view[STEPS[6]["edges1"]], grad1)
    # "summed" in the headline where the rows' shares are added: the loss, dW2, dW1
    assert [number for number, s in enumerate(STEPS, 1) if s.get("sums")] == [3, 5, 7]
    assert STEPS[0]["hidden"] == ["z1", "a1"] and STEPS[1]["output"] == ["z2", "y_hat"]
    assert STEPS[2]["output"] == ["loss", "d_output"] and STEPS[5]["hidden"][-1] == "delta1"


def test_next_iteration_is_one_library_backprop():
    stepper = BackpropStepper(step=5, sample=2, raise_errors=True)
    assert stepper.step == 5 and stepper.sample == "3"
    for iteration in (1, 2, 3):
        stepper.step = 8
        stepper._on_message(stepper, {"press": "next_iteration"}, [])  # the browser's button
        assert stepper.data["iteration"] == iteration and stepper.step == 1
        assert stepper.sample == "3"  # the selector stays
        _check_views(stepper.data, _fresh(iterations=iteration))
        loss = _fresh(iterations=iteration).loss()
        assert stepper.data["views"]["all"]["loss"] == pytest.approx(loss, rel=1e-13)
    stepper.reset()
    assert stepper.data["iteration"] == 0
    _check_views(stepper.data, _fresh())
    assert stepper.last_error is None


BAD = [(dict(seed=-1), ValueError, "seed"), (dict(seed="0"), TypeError, "seed"),
       (dict(learning_rate=0.0), ValueError, "learning_rate"),
       (dict(learning_rate="1"), TypeError, "learning_rate"),
       (dict(sample=4), ValueError, "sample"), (dict(sample=True), TypeError, "sample"),
       (dict(step=0), ValueError, "step"), (dict(step=9), ValueError, "step"),
       (dict(raise_errors=1), TypeError, "raise_errors")]


@pytest.mark.parametrize("kwargs, error, name", BAD)
def test_bad_arguments_name_themselves(kwargs, error, name):
    with pytest.raises(error, match=name):
        BackpropStepper(**kwargs)


def test_bad_step_or_sample_set_in_python():
    stepper = BackpropStepper()
    with pytest.raises(ValueError, match="step"):
        stepper.step = 9
    with pytest.raises(ValueError, match="sample"):
        stepper.sample = "5"
    stepper.step, stepper.sample = 7, "4"
    assert (stepper.step, stepper.sample) == (7, "4")


def test_text_fallback_and_close():
    stepper = BackpropStepper()
    assert repr(stepper) == FRIENDLY
    stepper.close()
    assert stepper.data == {} and stepper.network is None


@pytest.mark.parametrize("sample", [None, 0, 3])
def test_static_figure_writes_the_gradients_of_steps_5_and_7(sample):
    network = _fresh(seed=2)
    fig = gradient_diagram(network, sample=sample)
    grad1, grad2 = network.iteration_values(sample)["gradients"]
    expected = np.concatenate([grad1.ravel(), grad2.ravel()])
    written = gradient_numbers(fig)
    assert written.shape == (16,)
    np.testing.assert_allclose(written, expected, rtol=5e-3)  # 3 significant digits
    shown = "all four rows" if sample is None else f"sample {sample + 1}"
    assert shown in fig.axes[0].get_title()
    assert "top to bottom: the edges from x₁, x₂, x₃" in fig.axes[0].get_title()
    assert fig.axes[1].get_ylabel() == "edge colour: current weight"


@pytest.mark.parametrize("kwargs, error, name", [
    (dict(network="net"), TypeError, "network"),
    (dict(network=NeuralNetwork(*xor(), hidden_units=2)), ValueError, "3-4-1"),
    (dict(sample=4), ValueError, "sample"), (dict(title=3), TypeError, "title")])
def test_static_figure_bad_arguments(kwargs, error, name):
    with pytest.raises(error, match=name):
        gradient_diagram(**kwargs)
