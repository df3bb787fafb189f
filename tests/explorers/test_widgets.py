"""The explorers without a browser: set every control, press every button, and check
the data each widget sends against independent references (a fresh ``train``, the
network's ``predict``), never against the explorer's own output."""

import json
import shutil
import subprocess

import numpy as np
import pytest

from nnfs_lib.datasets import xor
from nnfs_lib.explorers.base import FRIENDLY, _module
from nnfs_lib.explorers.lab import LabExplorer
from nnfs_lib.explorers.small_explorers import ActivationExplorer, LossExplorer, NeuronExplorer
from nnfs_lib.explorers.training import TrainingExplorer
from nnfs_lib.explorers.training_settings import initial_weights
from nnfs_lib.lab.settings import LabSettings, train_lab
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train


def weights_of(run):
    return np.frombuffer(run["weights"], dtype="<f8").reshape(-1, 16)


def reference_run(weights1, weights2, iterations, learning_rate):
    """The run trained independently: the weights after every iteration, the loss."""
    x, y = xor()
    network = NeuralNetwork(x, y, weights1=np.asarray(weights1),
                            weights2=np.asarray(weights2).reshape(4, 1),
                            learning_rate=learning_rate)
    history = train(network, iterations, snapshots=range(iterations + 1))
    weights = np.array([np.concatenate([w1.ravel(), w2.ravel()])
                        for w1, w2 in (history.snapshots[k] for k in range(iterations + 1))])
    return weights, history.loss


@pytest.fixture
def explorer():
    return TrainingExplorer(raise_errors=True)


def assert_sends_a_fresh_run(explorer):
    weights, loss = reference_run(explorer.weights1, explorer.weights2, explorer.iterations,
                                  explorer.learning_rate)
    np.testing.assert_array_equal(weights_of(explorer.run), weights)
    np.testing.assert_array_equal(np.frombuffer(explorer.run["loss"], "<f8"), loss)
    # One colour scale for the whole run: its largest weight (1 when all stay 0).
    assert explorer.run["scale"] == (np.max(np.abs(weights)) or 1.0)
    assert explorer.time == explorer.iterations  # a retrain shows the end


@pytest.mark.parametrize("name, value", [("iterations", 700), ("learning_rate", 2.5),
                                         ("seed", 7), ("init_scale", 3.0)])
def test_every_setting_retrains_and_jumps_to_the_end(explorer, name, value):
    explorer.time = 0
    setattr(explorer, name, value)
    assert_sends_a_fresh_run(explorer)
    if name in ("seed", "init_scale"):
        w1, w2 = initial_weights(explorer.seed, explorer.init_scale)
        assert explorer.weights1 == w1.tolist() and explorer.weights2 == w2[:, 0].tolist()


@pytest.mark.parametrize("name, first, second", [("log_scale", True, False),
                                                  ("weight_range", 12.0, 9.0)])
def test_controls_that_do_not_retrain_also_show_the_last_iteration(explorer, name, first,
                                                                   second):
    """After scrubbing back to 0 the log toggle and the drag range visibly act: the end."""
    run = explorer.run
    for value in (first, second):
        explorer.set_state({"time": 0})  # what the browser sends: the scrubber, then the control
        assert explorer.time == 0
        explorer.set_state({name: value})
        assert getattr(explorer, name) == value
        assert explorer.time == explorer.iterations == 1500
    assert explorer.run is run  # nothing was retrained


def test_a_weight_retrains_from_it_and_a_typed_weight_widens_the_range(explorer):
    rows = [row[:] for row in explorer.weights1]
    rows[1][2] = -30.0  # beyond the drag range of 8
    explorer.weights1 = rows
    assert explorer.weights1[1][2] == -30.0 and explorer.weight_range == 30.0
    assert_sends_a_fresh_run(explorer)
    explorer.weights2 = [0.5, -0.5, 1.0, 2.0]
    assert_sends_a_fresh_run(explorer)


@pytest.mark.parametrize("button", TrainingExplorer.buttons)
def test_every_button_from_the_browser(explorer, button):
    explorer.seed, explorer.time = 4, 3
    explorer._handle_custom_msg({"press": button}, [])  # what the browser sends
    assert_sends_a_fresh_run(explorer)
    values = np.array(explorer.weights1 + [explorer.weights2])
    if button == "new_random_weights":  # the next seed, and its weights
        assert explorer.seed == 5
        np.testing.assert_array_equal(values[:3], initial_weights(5, 1.0)[0])
    elif button == "all_equal":
        assert np.all(values == 0.5)
    elif button == "all_zero":
        assert np.all(values == 0)
    else:
        assert explorer.seed == 0 and explorer.iterations == 1500


def test_time_is_snapped_and_does_not_retrain(explorer):
    run = explorer.run
    explorer.time = 10
    assert explorer.run is run and explorer.time == 10
    explorer.time = 99_999
    assert explorer.time == explorer.iterations


def test_a_long_run_sends_snapshots_and_a_thinned_loss(explorer):
    explorer.iterations = 30_000
    steps = explorer.run["steps"]
    assert steps[0] == 0 and steps[-1] == 30_000 and len(steps) < 200
    assert explorer.run["loss_stride"] == 3


def test_bad_values_from_the_browser_are_refused_and_said(explorer):
    explorer.raise_errors = False
    run = explorer.run
    explorer.learning_rate = -1.0
    assert "learning_rate" in explorer.error and explorer.learning_rate == 1.0
    assert explorer.run is run
    explorer.weights1 = [[1, 2, 3, 4]]
    assert "weights1" in explorer.error and len(explorer.weights1) == 3
    explorer.learning_rate = 2.0
    assert explorer.error == ""


def test_settings_beyond_the_controls_widen_them():
    explorer = TrainingExplorer(raise_errors=True)
    explorer.iterations = 12_000
    explorer.learning_rate = 500.0
    explorer.seed = 1000
    assert explorer.ranges["iterations"][1] == 12_000
    assert explorer.ranges["learning_rate"][1] >= 500.0
    assert explorer.ranges["seed"][1] == 1000


def test_after_many_changes_the_state_equals_a_fresh_explorer():
    explorer = TrainingExplorer(raise_errors=True)
    explorer.iterations = 10_000
    explorer.iterations = 0
    explorer.weight_range = 20.0  # reset brings the drag range back too
    explorer.all_equal()
    explorer.seed = 9
    explorer.reset()
    state = {name: getattr(explorer, name) for name in
             ("run", "time", "weights1", "weights2", "ranges", "weight_range", "iterations")}
    fresh = TrainingExplorer(raise_errors=True)
    for name, value in state.items():
        assert getattr(fresh, name) == value, name


def test_text_output_is_friendly_and_a_rerun_releases_the_previous_explorer():
    first = TrainingExplorer()
    assert repr(first) == FRIENDLY
    assert first._repr_mimebundle_()[0]["text/plain"] == FRIENDLY
    second = TrainingExplorer()
    assert first.comm is None and first.run == {} and first.result is None
    assert second.comm is not None


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="needs node to run the browser module")
def test_the_browser_forward_pass_equals_predict(tmp_path, explorer):
    """training.js' maps on a 37 x 37 grid vs NeuralNetwork.predict, to 1e-6."""
    module = tmp_path / "training.mjs"
    module.write_text(_module("training.js"))
    weights = weights_of(explorer.run)[700]
    w = json.dumps(list(weights))
    script = (f"import('{module.as_uri()}').then(m => {{ const n = 37, out = [];"
              f"for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {{"
              f"const [a, b] = m.mapPoint(i, j, n); const f = m.forward({w}, a, b);"
              f" out.push([a, b, f.out, ...f.hidden]); }}"
              f"console.log(JSON.stringify(out)); }})")
    result = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True,
                            text=True, check=True)
    values = np.array(json.loads(result.stdout))
    x, y = xor()
    network = NeuralNetwork(x, y, weights1=weights[:12].reshape(3, 4),
                            weights2=weights[12:].reshape(4, 1))
    points = np.column_stack([values[:, :2], np.ones(len(values))])
    np.testing.assert_allclose(values[:, 2], network.predict(points)[:, 0], atol=1e-6)
    hidden = 1 / (1 + np.exp(-points @ network.weights1))
    np.testing.assert_allclose(values[:, 3:], hidden, atol=1e-6)
    assert values[:, 0].min() == pytest.approx(-0.1, abs=0.02)


def test_small_explorers_send_the_numbers_of_their_figures():
    activation = ActivationExplorer(raise_errors=True)
    activation.set(weight=2.0, bias=-1.0)
    x = np.array(activation.view["x"])
    np.testing.assert_allclose(activation.view["sigma"], 1 / (1 + np.exp(-(2 * x - 1))))
    activation.set(weight=40.0)  # beyond the slider: widened, not clamped
    assert activation.controls[0]["range"] == [-5, 40.0]
    neuron = NeuronExplorer(raise_errors=True)
    neuron.set(x2=1.0, w1=2.0)
    z = 2.0 * 1 + (-0.5) * 1 + 0.2 * 1
    assert neuron.view["z"] == pytest.approx(z)
    assert neuron.view["output"] == pytest.approx(1 / (1 + np.exp(-z)))
    loss = LossExplorer(raise_errors=True)
    loss.set(value=1.0)
    network = NeuralNetwork(*xor(), rng=0)
    network.weights2[0, 0] = 1.0
    assert loss.view["loss"] == pytest.approx(network.loss())
    assert loss.view["slope"] == pytest.approx(network.gradients()[1][0, 0])
    loss.set(which=[0, 2, 1])  # another weight: the point moves to its initial value
    assert loss.values["value"] == initial_weights(0)[0][2, 1]


def test_lab_explorer_sends_a_fresh_train_lab():
    lab = LabExplorer(LabSettings(networks=50, curves=2), raise_errors=True)
    lab.set(hidden_units=3, init_scale=4.0)
    reference = train_lab(LabSettings(networks=50, curves=2, hidden_units=3, init_scale=4.0))
    solved, failed = reference.histogram()
    assert lab.view["solved"] == solved.tolist() and lab.view["failed"] == failed.tolist()
    curves = np.frombuffer(lab.view["curves"], "<f8").reshape(2, -1)
    np.testing.assert_array_equal(curves, np.maximum(reference.loss[:, :2].T, 1e-6))
    lab._handle_custom_msg({"press": "reset"}, [])
    assert lab.values["hidden_units"] == 4 and lab.values["init_scale"] == 1.0


@pytest.mark.parametrize("make, message", [
    (lambda: TrainingExplorer(settings="x"), "settings"),
    (lambda: TrainingExplorer(compact=2), "compact"),
    (lambda: ActivationExplorer(weight="a"), "weight"),
    (lambda: NeuronExplorer(inputs=(1, 2)), "inputs"),
    (lambda: LossExplorer(seed=-1), "seed"),
    (lambda: LabExplorer(settings=3), "settings"),
])
def test_bad_arguments_raise_a_clear_error(make, message):
    with pytest.raises((TypeError, ValueError), match=message):
        make()
