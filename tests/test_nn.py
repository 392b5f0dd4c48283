"""Tests for optim_lib.nn: the network, its gradient, the data, training."""

import doctest

import numpy as np
import pytest

from optim_lib import gradcheck, nn, optimizers


@pytest.fixture
def rng():
    return np.random.default_rng(0)


@pytest.fixture
def batch(rng):
    """A small random batch for a 5-4-3-3 network."""
    return rng.standard_normal((7, 5)), rng.integers(0, 3, size=7)


@pytest.fixture(scope="module")
def digits():
    return nn.load_digits_split(np.random.default_rng(0))


def test_doctests():
    assert doctest.testmod(nn, extraglobs={"np": np}).failed == 0


def test_init_shapes_and_scales(rng):
    params = nn.init_mlp([64, 500, 10], rng)
    assert sorted(params) == ["W1", "W2", "b1", "b2"]
    assert params["W1"].shape == (64, 500) and params["b2"].shape == (10,)
    assert np.std(params["W1"]) == pytest.approx(np.sqrt(2 / 64), rel=0.02)
    assert np.std(params["W2"]) == pytest.approx(np.sqrt(2 / 500), rel=0.05)
    lecun = nn.init_mlp([64, 500], rng, scale="lecun")
    assert np.std(lecun["W1"]) == pytest.approx(np.sqrt(1 / 64), rel=0.02)
    assert np.all(nn.init_mlp([3, 2], rng, scale=0.5)["b1"] == 0)


@pytest.mark.parametrize("sizes", [[3], [3, 0], [3, 2.5], []])
def test_init_rejects_bad_sizes(rng, sizes):
    with pytest.raises(ValueError, match="sizes"):
        nn.init_mlp(sizes, rng)


@pytest.mark.parametrize("scale", ["glorot", -1.0])
def test_init_rejects_bad_scale(rng, scale):
    with pytest.raises(ValueError, match="scale"):
        nn.init_mlp([3, 2], rng, scale=scale)


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_gradient_matches_central_differences(rng, batch, activation):
    params = nn.init_mlp([5, 4, 3, 3], rng)
    params = {key: value + 0.1 * rng.standard_normal(value.shape)
              for key, value in params.items()}     # non-zero biases too
    X, y = batch

    def f(theta):
        return nn.loss(theta, X, y, activation)

    def grad_f(theta):
        return nn.loss_and_grad(theta, X, y, activation)[1]

    assert gradcheck.gradient_check(f, grad_f, params) < 1e-6


def test_a_wrong_gradient_fails_the_check(rng, batch):
    params = nn.init_mlp([5, 4, 3], rng)
    X, y = batch

    def wrong(theta):
        grads = nn.loss_and_grad(theta, X, y)[1]
        return {**grads, "b1": 2 * grads["b1"]}

    assert gradcheck.gradient_check(lambda t: nn.loss(t, X, y), wrong,
                                    params) > 0.1


def test_loss_and_grad_shapes_and_no_mutation(rng, batch):
    params = nn.init_mlp([5, 4, 3], rng)
    copy = {key: value.copy() for key, value in params.items()}
    f, grads = nn.loss_and_grad(params, *batch)
    assert f == nn.loss(params, *batch)
    assert {k: g.shape for k, g in grads.items()} == {
        k: p.shape for k, p in params.items()}
    for key in params:
        np.testing.assert_array_equal(params[key], copy[key])


def test_zero_weights_give_log_of_the_number_of_classes(rng, batch):
    params = nn.init_mlp([5, 4, 3], rng, scale=0.0)
    assert nn.loss(params, *batch) == pytest.approx(np.log(3))


def test_softmax_cross_entropy_is_stable_for_huge_logits():
    scores = np.array([[1000.0, 0.0], [0.0, 1000.0]])
    f, d_scores = nn.softmax_cross_entropy(scores, np.array([0, 0]))
    assert f == pytest.approx(500.0)
    np.testing.assert_allclose(d_scores, [[0.0, 0.0], [-0.5, 0.5]])


def test_accuracy_counts_largest_logit(rng):
    params = {"W1": np.eye(3), "b1": np.zeros(3)}
    X = np.array([[1.0, 0, 0], [0, 2.0, 0], [0, 0, 3.0], [5.0, 0, 0]])
    assert nn.accuracy(params, X, [0, 1, 1, 0]) == 0.75
    np.testing.assert_array_equal(nn.logits(params, X), X)


def test_mismatched_lengths_are_refused(rng, batch):
    params = nn.init_mlp([5, 4, 3], rng)
    X, y = batch
    with pytest.raises(ValueError, match="y must hold one label per row"):
        nn.loss_and_grad(params, X, y[:-1])


@pytest.mark.parametrize("labels", [[0, 1, 3], [-1, 0, 1], [0.0, 1.0, 2.0]])
def test_bad_labels_are_refused(rng, labels):
    params = nn.init_mlp([5, 4, 3], rng)
    with pytest.raises(ValueError, match=r"integer labels in \[0, 3\)"):
        nn.loss(params, np.zeros((3, 5)), np.array(labels))


def test_bad_inputs_are_refused(rng, batch):
    params = nn.init_mlp([5, 4, 3], rng)
    X, y = batch
    with pytest.raises(ValueError, match=r"X must have shape \(n, 5\)"):
        nn.loss(params, X[:, :4], y)
    with pytest.raises(ValueError, match="activation"):
        nn.loss(params, X, y, activation="sigmoid")
    with pytest.raises(ValueError, match="W1, b1"):
        nn.loss({"W1": params["W1"]}, X, y)


def test_digits_split(digits):
    assert digits.X_train.shape == (1348, 64)
    assert digits.X_test.shape == (449, 64)
    assert digits.y_train.shape == (1348,) and digits.y_test.shape == (449,)
    both = np.concatenate([digits.X_train, digits.X_test])
    assert both.min() == 0.0 and both.max() == 1.0
    assert set(np.unique(digits.y_test)) == set(range(10))
    again = nn.load_digits_split(np.random.default_rng(0))
    np.testing.assert_array_equal(again.X_test, digits.X_test)
    with pytest.raises(ValueError, match="test_size"):
        nn.load_digits_split(np.random.default_rng(0), test_size=1.0)


def test_training_lowers_the_loss_and_records_every_epoch(digits):
    params = nn.init_mlp([64, 16, 10], np.random.default_rng(1))
    seen = []

    def progress(epochs):
        seen.append(list(epochs))
        return epochs

    history = nn.train(optimizers.Adam(lr=1e-2), params, digits, epochs=3,
                       batch_size=64, rng=np.random.default_rng(2),
                       progress=progress)
    assert seen == [[1, 2, 3]]
    assert len(history.train_loss) == len(history.test_acc) == 4
    assert history.train_loss[0] == nn.loss(params, digits.X_train,
                                            digits.y_train)
    assert history.train_loss[-1] < 0.5 * history.train_loss[0]
    assert history.test_acc[-1] > 0.85 and not history.diverged
    assert history.test_acc[-1] == nn.accuracy(
        history.params, digits.X_test, digits.y_test)


def test_training_equals_stepping_by_hand(digits):
    params = nn.init_mlp([64, 8, 10], np.random.default_rng(1))
    opt = optimizers.SGD(lr=0.1, momentum=0.9)
    history = nn.train(opt, params, digits, epochs=1, batch_size=500,
                       rng=np.random.default_rng(3))

    order = np.random.default_rng(3).permutation(1348)
    theta, state = params, opt.init(params)
    for start in (0, 500, 1000):                # batches of 500, 500, 348
        rows = order[start:start + 500]
        grads = nn.loss_and_grad(theta, digits.X_train[rows],
                                 digits.y_train[rows])[1]
        theta, state = opt.step(theta, grads, state)
    for key in params:
        np.testing.assert_array_equal(history.params[key], theta[key])


def test_a_huge_learning_rate_stops_with_a_reason(digits):
    params = nn.init_mlp([64, 16, 10], np.random.default_rng(1))
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        history = nn.train(optimizers.SGD(lr=1e200), params, digits,
                           epochs=5, batch_size=32,
                           rng=np.random.default_rng(2))
    assert history.diverged and "epoch 1" in history.reason
    assert len(history.train_loss) == 1


def test_clipping_bounds_the_first_step(digits):
    params = nn.init_mlp([64, 8, 10], np.random.default_rng(1))
    small = digits._replace(X_train=digits.X_train[:10],
                            y_train=digits.y_train[:10])
    history = nn.train(optimizers.SGD(lr=1.0), params, small, epochs=1,
                       batch_size=10, rng=np.random.default_rng(0),
                       max_grad_norm=1e-3)
    moved = np.sqrt(sum(np.sum((history.params[k] - params[k]) ** 2)
                        for k in params))
    assert moved == pytest.approx(1e-3)


@pytest.mark.parametrize("kwargs, name", [({"epochs": -1}, "epochs"),
                                          ({"batch_size": 0}, "batch_size")])
def test_train_rejects_bad_settings(digits, kwargs, name):
    params = nn.init_mlp([64, 8, 10], np.random.default_rng(1))
    settings = {"epochs": 1, "batch_size": 32, **kwargs}
    with pytest.raises(ValueError, match=name):
        nn.train(optimizers.SGD(lr=0.1), params, digits,
                 rng=np.random.default_rng(0), **settings)
