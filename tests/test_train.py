"""Tests for optim_lib.train: run() and its Trajectory."""

import doctest

import numpy as np
import pytest

import optim_lib
from optim_lib import optimizers, problems, train


@pytest.fixture
def bowl():
    return problems.Quadratic([[1.0, 0.0], [0.0, 10.0]])


def test_run_records_start_and_every_step(bowl):
    path = optim_lib.run(optimizers.SGD(lr=0.05), bowl.loss_and_grad,
                         np.array([1.0, 1.0]), steps=30)
    assert path.params.shape == (31, 2) and path.steps == 30
    assert path.losses.shape == path.grad_norms.shape == (31,)
    np.testing.assert_array_equal(path.params[0], [1.0, 1.0])
    for theta, loss, norm in zip(path.params, path.losses, path.grad_norms):
        assert loss == bowl.loss(theta)
        assert norm == pytest.approx(np.linalg.norm(bowl.grad(theta)))
    assert not path.diverged and path.reason is None
    assert np.all(np.diff(path.losses) < 0)
    np.testing.assert_array_equal(path.final, path.params[-1])


def test_run_equals_stepping_by_hand(bowl):
    opt = optimizers.Adam(lr=0.1)
    path = optim_lib.run(opt, bowl.loss_and_grad, [2.0, -1.0], steps=10)
    theta, state = np.array([2.0, -1.0]), opt.init(np.zeros(2))
    for k in range(10):
        theta, state = opt.step(theta, bowl.grad(theta), state)
        np.testing.assert_array_equal(path.params[k + 1], theta)


def test_run_does_not_change_x0(bowl):
    x0 = np.array([1.0, 1.0])
    path = optim_lib.run(optimizers.SGD(lr=0.05), bowl.loss_and_grad, x0, 5)
    np.testing.assert_array_equal(x0, [1.0, 1.0])
    assert not np.shares_memory(path.params, x0)


def test_zero_steps_give_the_start(bowl):
    path = optim_lib.run(optimizers.SGD(lr=0.05), bowl.loss_and_grad,
                         [1.0, 1.0], steps=0)
    assert path.params.shape == (1, 2) and path.losses[0] == 5.5


def test_divergence_stops_the_run_with_a_reason(bowl):
    # lr = 1 on curvature 10: each step multiplies θ₂ by −9.
    path = optim_lib.run(optimizers.SGD(lr=1.0), bowl.loss_and_grad,
                         [1.0, 1.0], steps=1000)
    assert path.diverged
    k = path.steps
    assert 100 < k < 400
    assert path.reason == f"loss became inf at step {k + 1}"
    assert np.all(np.isfinite(path.params))
    assert np.all(np.isfinite(path.losses))
    assert np.all(np.isfinite(path.grad_norms))


def test_a_nan_gradient_stops_the_run_with_a_reason():
    def loss_and_grad(theta):
        g = 2 * theta
        if theta[0] < 0.5:
            g[1] = np.nan
        return float(theta @ theta), g

    path = optim_lib.run(optimizers.SGD(lr=0.1), loss_and_grad,
                         [1.0, 1.0], steps=50)
    # θ₀ = 0.8^k drops below 0.5 at k = 4.
    assert path.diverged and path.steps == 3
    assert path.reason == "gradient norm became nan at step 4"


def test_a_non_finite_start_raises(bowl):
    with pytest.raises(ValueError, match="x0 must have a finite loss"):
        optim_lib.run(optimizers.SGD(), bowl.loss_and_grad,
                      [np.inf, 0.0], steps=3)


@pytest.mark.parametrize("steps", [-1, 2.5])
def test_bad_steps_raise(bowl, steps):
    with pytest.raises(ValueError, match="steps must be an integer"):
        optim_lib.run(optimizers.SGD(), bowl.loss_and_grad, [1.0, 1.0],
                      steps)


def test_integer_x0_raises(bowl):
    with pytest.raises(ValueError, match="x0 must hold floating"):
        optim_lib.run(optimizers.SGD(), bowl.loss_and_grad, [1, 1], 3)


def test_dict_params_give_a_dict_of_paths():
    def loss_and_grad(params):
        w, b = params["w"], params["b"]
        return float(np.sum(w**2) + b[0]**2), {"w": 2 * w, "b": 2 * b}

    x0 = {"w": np.ones((2, 3)), "b": np.array([3.0])}
    path = optim_lib.run(optimizers.Adam(lr=0.1), loss_and_grad, x0, 20)
    assert path.params["w"].shape == (21, 2, 3)
    assert path.params["b"].shape == (21, 1)
    assert set(path.final) == {"w", "b"}
    np.testing.assert_array_equal(path.final["b"], path.params["b"][-1])
    assert path.losses[-1] < path.losses[0]


def test_clipping_bounds_every_step(bowl):
    opt = optimizers.SGD(lr=0.1)
    path = optim_lib.run(opt, bowl.loss_and_grad, [5.0, 5.0], steps=20,
                         max_grad_norm=1.0)
    lengths = np.linalg.norm(np.diff(path.params, axis=0), axis=1)
    assert np.all(lengths <= 0.1 + 1e-12)
    assert path.grad_norms[0] == pytest.approx(np.hypot(5.0, 50.0))


def test_trajectory_is_exported_and_frozen(bowl):
    assert optim_lib.Trajectory is train.Trajectory
    path = optim_lib.run(optimizers.SGD(), bowl.loss_and_grad, [1.0, 1.0], 1)
    with pytest.raises(AttributeError):
        path.diverged = True


def test_docstring_examples_run():
    assert doctest.testmod(train).failed == 0
