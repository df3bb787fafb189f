import warnings

import numpy as np
import pytest
from article_reference import train_article
from hypothesis import given, settings
from hypothesis import strategies as st

from nnfs_lib.activations import sigmoid
from nnfs_lib.datasets import xor
from nnfs_lib.gradcheck import gradient_check, numerical_gradients
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train


@pytest.fixture
def data():
    return xor()


@pytest.mark.parametrize("seed", [0, 1, 2, 42, 2024])
def test_1500_iterations_reproduce_the_article(data, seed):
    x, y = data
    rng = np.random.default_rng(seed)
    w1, w2 = rng.random((3, 4)), rng.random((4, 1))
    reference, losses = train_article(x.astype(int), y.astype(int), w1, w2, 1500)

    net = NeuralNetwork(x, y, weights1=w1, weights2=w2)
    history = train(net, 1500)
    np.testing.assert_allclose(net.weights1, reference.weights1, rtol=1e-12, atol=0)
    np.testing.assert_allclose(net.weights2, reference.weights2, rtol=1e-12, atol=0)
    reference_loss = np.array([loss.sum() for loss in losses])
    np.testing.assert_allclose(history.loss[:1500], reference_loss, rtol=1e-12)
    np.testing.assert_allclose(history.loss[-1], reference.feedforward().sum(), rtol=1e-12)


def test_article_style_loop_matches_too(data):
    """feedforward() then backprop(), by hand, exactly as the article writes it."""
    x, y = data
    rng = np.random.default_rng(7)
    w1, w2 = rng.random((3, 4)), rng.random((4, 1))
    reference, _ = train_article(x, y, w1, w2, 1500)
    net = NeuralNetwork(x, y, weights1=w1, weights2=w2)
    for _ in range(1500):
        net.feedforward()
        net.backprop()
    np.testing.assert_allclose(net.output, reference.output, rtol=1e-12)
    np.testing.assert_allclose(net.weights1, reference.weights1, rtol=1e-12)


def test_default_draw_is_uniform_in_article_order(data):
    x, y = data
    net = NeuralNetwork(x, y, rng=np.random.default_rng(3))
    expected = np.random.default_rng(3)
    np.testing.assert_array_equal(net.weights1, expected.random((3, 4)))
    np.testing.assert_array_equal(net.weights2, expected.random((4, 1)))
    assert net.weights1.shape == (3, 4) and net.weights2.shape == (4, 1)


def test_int_seed_and_generator_agree_and_global_state_untouched(data):
    x, y = data
    state = np.random.get_state()[1].copy()
    a = NeuralNetwork(x, y, rng=5)
    b = NeuralNetwork(x, y, rng=np.random.default_rng(5))
    np.testing.assert_array_equal(a.weights1, b.weights1)
    np.testing.assert_array_equal(np.random.get_state()[1], state)


def test_hand_computed_forward_pass():
    # One sample, weights chosen so every number is easy to follow by hand.
    x = np.array([[1.0, 0.0, 1.0]])
    y = np.array([[1.0]])
    w1 = np.array([[0.5, -1.0], [2.0, 0.0], [0.5, 1.0]])  # 3 inputs -> 2 hidden
    w2 = np.array([[1.0], [-2.0]])
    net = NeuralNetwork(x, y, hidden_units=2, weights1=w1, weights2=w2)
    net.feedforward()
    h = 1 / (1 + np.exp(-np.array([1.0, 0.0])))  # z1 = [0.5+0.5, -1+1]
    out = 1 / (1 + np.exp(-(h[0] - 2 * h[1])))
    np.testing.assert_allclose(net.layer1, [h], rtol=1e-15)
    np.testing.assert_allclose(net.output, [[out]], rtol=1e-15)
    assert net.loss() == pytest.approx((1 - out) ** 2, rel=1e-15)
    # dL/dw2 = 2 (out - y) out (1 - out) * h
    d2 = 2 * (out - 1) * out * (1 - out)
    g1, g2 = net.gradients()
    np.testing.assert_allclose(g2, d2 * h.reshape(2, 1), rtol=1e-13)
    d1 = d2 * w2.ravel() * h * (1 - h)
    np.testing.assert_allclose(g1, np.outer(x.ravel(), d1), rtol=1e-13)


def test_gradients_change_nothing(data):
    x, y = data
    net = NeuralNetwork(x, y, rng=0)
    before = [p.copy() for p in net.parameters()]
    net.gradients()
    net.loss()
    net.predict(x)
    for p, q in zip(before, net.parameters()):
        np.testing.assert_array_equal(p, q)


def _state(net):
    """Every attribute of ``net``, arrays copied, for before/after comparisons."""
    return {name: (value.copy() if isinstance(value, np.ndarray) else value)
            for name, value in vars(net).items()}


def _assert_same_state(before, after):
    assert before.keys() == after.keys()
    for name, value in before.items():
        if isinstance(value, np.ndarray):
            np.testing.assert_array_equal(value, after[name], err_msg=name)
        else:
            assert value == after[name] or value is after[name], name


@pytest.mark.parametrize("biases", [False, True])
def test_questions_leave_every_attribute_alone(data, biases):
    """gradients(), loss() and predict() change no attribute, even mid-training."""
    x, y = data
    net = NeuralNetwork(x, y, rng=0, biases=biases)
    net.feedforward()
    net.backprop()  # sets the stored error and the outputs of the last forward pass
    before = _state(net)
    net.gradients()
    net.loss()
    net.predict(x[:2])
    _assert_same_state(before, _state(net))
    # And training continues exactly as if the questions had not been asked.
    twin = NeuralNetwork(x, y, rng=0, biases=biases)
    twin.feedforward()
    twin.backprop()
    h1, h2 = train(net, 5), train(twin, 5)
    np.testing.assert_array_equal(h1.loss, h2.loss)


def test_gradients_between_feedforward_and_backprop_do_not_change_the_step(data):
    x, y = data
    asked, plain = NeuralNetwork(x, y, rng=4), NeuralNetwork(x, y, rng=4)
    asked.feedforward()
    plain.feedforward()
    asked.gradients()
    asked.backprop()
    plain.backprop()
    np.testing.assert_array_equal(asked.weights1, plain.weights1)
    np.testing.assert_array_equal(asked.weights2, plain.weights2)


@pytest.mark.parametrize("seed", [0, 9])
def test_given_weights1_keeps_the_drawn_weights2(data, seed):
    """Both arrays are drawn in the article's order; a given one only replaces its draw."""
    x, y = data
    reference = np.random.default_rng(seed)  # an independent replay of the draws
    drawn1, drawn2 = reference.random((3, 4)), reference.random((4, 1))
    given1, given2 = np.full((3, 4), 0.25), np.full((4, 1), -0.5)
    only1 = NeuralNetwork(x, y, rng=seed, weights1=given1)
    np.testing.assert_array_equal(only1.weights1, given1)
    np.testing.assert_array_equal(only1.weights2, drawn2)
    np.testing.assert_array_equal(only1.weights2, NeuralNetwork(x, y, rng=seed).weights2)
    only2 = NeuralNetwork(x, y, rng=seed, weights2=given2)
    np.testing.assert_array_equal(only2.weights1, drawn1)
    np.testing.assert_array_equal(only2.weights2, given2)
    # Given arrays are copied, not shared.
    only1.weights1[0, 0] = 9.0
    assert given1[0, 0] == 0.25


def test_biases_flag_must_be_a_bool(data):
    x, y = data
    for flag in ("no", 1, None, "False"):
        with pytest.raises(TypeError, match="biases must be True or False"):
            NeuralNetwork(x, y, biases=flag)
    assert NeuralNetwork(x, y, biases=np.bool_(False)).bias1 is None


def test_huge_hidden_units_is_a_clear_error(data):
    x, y = data
    with pytest.raises(ValueError, match="hidden_units must be an integer <= 10,000"):
        NeuralNetwork(x, y, hidden_units=10**12)


def test_backprop_descends_with_learning_rate(data):
    x, y = data
    rng = np.random.default_rng(11)
    w1, w2 = rng.random((3, 4)), rng.random((4, 1))
    net = NeuralNetwork(x, y, weights1=w1, weights2=w2, learning_rate=0.1)
    g1, g2 = net.gradients()
    net.backprop()
    np.testing.assert_allclose(net.weights1, w1 - 0.1 * g1, rtol=1e-15)
    np.testing.assert_allclose(net.weights2, w2 - 0.1 * g2, rtol=1e-15)


def test_backprop_without_feedforward_uses_current_weights(data):
    x, y = data
    a = NeuralNetwork(x, y, rng=4)
    b = a.copy()
    b.feedforward()
    b.backprop()
    a.backprop()  # no feedforward first: it must run one itself
    np.testing.assert_array_equal(a.weights1, b.weights1)
    a.backprop()  # the weights changed: the stored forward pass is stale
    b.feedforward()
    b.backprop()
    np.testing.assert_array_equal(a.weights1, b.weights1)


def test_predict_new_inputs(data):
    x, y = data
    net = NeuralNetwork(x, y, rng=0)
    train(net, 3000)
    new = np.array([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
    expected = sigmoid(sigmoid(new @ net.weights1) @ net.weights2)
    np.testing.assert_allclose(net.predict(new), expected, rtol=1e-15)
    assert net.predict(new).shape == (2, 1)
    np.testing.assert_array_equal(np.round(net.predict(x)), y)


def test_biases_are_trained_and_checked(data):
    x, y = data
    net = NeuralNetwork(x[:, :2], y, rng=1, biases=True)
    assert net.bias1.shape == (1, 4) and net.bias2.shape == (1, 1)
    errors = gradient_check(net)
    assert set(errors) == {"weights1", "weights2", "bias1", "bias2"}
    assert max(errors.values()) < 1e-6
    before = net.bias1.copy()
    net.backprop()
    assert not np.array_equal(before, net.bias1)


def test_copy_is_independent(data):
    x, y = data
    net = NeuralNetwork(x, y, rng=0)
    twin = net.copy()
    twin.backprop()
    assert not np.array_equal(twin.weights1, net.weights1)


@pytest.mark.parametrize("kind", ["large", "equal", "zero", "huge_negative"])
def test_training_is_silent_for_extreme_weights(data, kind, capsys):
    x, y = data
    w1 = {"large": np.full((3, 4), 50.0), "equal": np.full((3, 4), 0.3),
          "zero": np.zeros((3, 4)), "huge_negative": np.full((3, 4), -1e4)}[kind]
    w2 = {"large": np.full((4, 1), 50.0), "equal": np.full((4, 1), 0.3),
          "zero": np.zeros((4, 1)), "huge_negative": np.full((4, 1), 1e4)}[kind]
    net = NeuralNetwork(x, y, weights1=w1, weights2=w2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = train(net, 200)
    assert np.all(np.isfinite(history.loss))
    assert np.all(np.isfinite(net.weights1)) and np.all(np.isfinite(net.weights2))
    assert capsys.readouterr() == ("", "")


def test_all_equal_weights_keep_hidden_units_identical(data):
    """The symmetry problem: identical hidden units get identical updates."""
    x, y = data
    net = NeuralNetwork(x, y, weights1=np.full((3, 4), 0.5), weights2=np.full((4, 1), 0.5))
    train(net, 500)
    np.testing.assert_allclose(net.weights1, net.weights1[:, :1].repeat(4, axis=1), rtol=1e-12)


@settings(max_examples=40, deadline=None)
@given(
    n_samples=st.integers(1, 6), n_inputs=st.integers(1, 4), hidden=st.integers(1, 5),
    n_outputs=st.integers(1, 2), biases=st.booleans(), seed=st.integers(0, 2**32 - 1),
    scale=st.floats(0.1, 3.0),
)
def test_gradients_match_finite_differences(n_samples, n_inputs, hidden, n_outputs,
                                           biases, seed, scale):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_samples, n_inputs))
    y = rng.random((n_samples, n_outputs))
    w1 = rng.normal(scale=scale, size=(n_inputs, hidden))
    w2 = rng.normal(scale=scale, size=(hidden, n_outputs))
    net = NeuralNetwork(x, y, hidden, weights1=w1, weights2=w2, biases=biases,
                        bias1=rng.normal(size=(1, hidden)) if biases else None,
                        bias2=rng.normal(size=(1, n_outputs)) if biases else None)
    # Entry by entry: close in relative terms OR within the finite difference's own
    # rounding noise (~1e-10 for a loss of order 1), which dominates tiny gradients.
    numeric = numerical_gradients(net)
    errors = gradient_check(net)
    for name, analytic, approx in zip(errors, net.gradients(), numeric):
        np.testing.assert_allclose(analytic, approx, rtol=1e-6, atol=1e-8, err_msg=name)
    # gradient_check's floor (1e-3) keeps that noise from inflating its relative error:
    # far from the 1e-3 from which a gradient counts as wrong (worst seen: 5e-7).
    assert max(errors.values()) < 1e-4, errors


def test_gradient_check_of_the_case_hypothesis_found():
    """A saturated 4-1-1 network: tiny gradients, the relative error inflated by noise."""
    rng = np.random.default_rng(14596)
    x, y = rng.normal(size=(3, 4)), rng.random((3, 1))
    w1, w2 = rng.normal(scale=3.0, size=(4, 1)), rng.normal(scale=3.0, size=(1, 1))
    net = NeuralNetwork(x, y, 1, weights1=w1, weights2=w2)
    analytic, numeric = net.gradients(), numerical_gradients(net)
    for a, n in zip(analytic, numeric):
        np.testing.assert_allclose(a, n, rtol=1e-6, atol=1e-8)
    # Relative to max(|a|, |n|) alone, the noise of its tiny entries (1e-7) gives 1.7e-4;
    # with the floor 1e-3 it is below 1e-6, "correct".
    assert max(gradient_check(net).values()) < 1e-6


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_loss_decreases_on_xor_from_default_init(seed):
    x, y = xor()
    net = NeuralNetwork(x, y, rng=seed)
    history = train(net, 300)
    assert history.loss[-1] < history.loss[0]
    # Near the start, a small enough step always goes downhill.
    small = NeuralNetwork(x, y, rng=seed, learning_rate=0.01)
    small_history = train(small, 20)
    assert np.all(np.diff(small_history.loss) < 0)


@pytest.mark.parametrize("biases, rate, hidden", [(False, 1.0, 4), (False, 0.3, 4),
                                                  (True, 1.0, 3), (True, 2.5, 5)])
def test_train_fast_path_is_bit_for_bit_feedforward_then_backprop(biases, rate, hidden):
    """train() runs a fused, buffered copy of the two steps: it must not differ at all."""
    rng = np.random.default_rng(99)
    x, y = rng.normal(size=(5, 3)), rng.random((5, 2))
    fused = NeuralNetwork(x, y, hidden, rng=1, biases=biases, learning_rate=rate,
                          bias1=rng.normal(size=(1, hidden)) if biases else None,
                          bias2=rng.normal(size=(1, 2)) if biases else None)
    stepwise = fused.copy()
    history = train(fused, 300, snapshots=[0, 7, 150])
    losses = []
    for _ in range(300):
        stepwise.feedforward()
        losses.append(np.sum((stepwise.y - stepwise.output) ** 2))
        stepwise.backprop()
    for mine, theirs in zip(fused.parameters(), stepwise.parameters()):
        np.testing.assert_array_equal(mine, theirs)
    np.testing.assert_allclose(history.loss[:300], losses, rtol=1e-14)
    np.testing.assert_array_equal(fused.output, stepwise.feedforward())
