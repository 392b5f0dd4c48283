"""Tests for optim_lib.exercises.ch09, the rescaled-run checker."""

import numpy as np
import pytest

from optim_lib import optimizers, problems, run
from optim_lib.exercises import ch09
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def rescaled_path(make, loss_and_grad, x0, lr, steps):
    """A correct solution, written as a learner would."""
    opt = make(1.0)
    phi = np.asarray(x0, dtype=float) / lr
    state = opt.init(phi)
    path = [lr * phi]
    for _ in range(steps):
        _, grads = loss_and_grad(lr * phi)
        phi, state = opt.step(phi, grads, state)
        path.append(lr * phi)
    return np.array(path)


def variant(**slip):
    def solution(make, loss_and_grad, x0, lr, steps):
        path = ch09._plain_path(make, loss_and_grad, np.asarray(x0), lr,
                                steps, **slip)
        return path
    return solution


@pytest.mark.parametrize("name", ["SGD", "RMSProp", "Adam"])
def test_the_change_of_variables_is_exact(name):
    """A run at lr η equals a run at lr 1 on θ/η (the chapter's claim)."""
    make = getattr(optimizers, name)
    problem = problems.Beale()
    x0 = np.array([1.0, 1.5])
    direct = run(make(lr=0.02), problem.loss_and_grad, x0, 50).params
    rescaled = rescaled_path(lambda lr: make(lr=lr), problem.loss_and_grad,
                             x0, 0.02, 50)
    np.testing.assert_allclose(rescaled, direct, rtol=1e-10, atol=1e-12)


def test_a_correct_solution_passes():
    feedback = ch09.check_rescaled_path(rescaled_path)
    assert feedback.passed and feedback.message == PASSED


def test_a_stub_is_not_implemented_yet():
    def stub(make, loss_and_grad, x0, lr, steps):
        raise NotImplementedError
    assert ch09.check_rescaled_path(stub).message == NOT_IMPLEMENTED


def test_returning_phi_is_named():
    def phi_path(make, loss_and_grad, x0, lr, steps):
        return rescaled_path(make, loss_and_grad, x0, lr, steps) / lr
    message = ch09.check_rescaled_path(phi_path).message
    assert "you returned φ_t" in message
    assert message.startswith("for Adam on Rosenbrock with η = 0.05")


def test_a_gradient_taken_at_phi_is_named():
    message = ch09.check_rescaled_path(variant(at_phi=True)).message
    assert "you took the gradient at φ" in message


def test_a_learning_rate_used_twice_is_named():
    message = ch09.check_rescaled_path(variant(make_lr=0.05)).message
    assert "scales each step by η twice" in message


def test_running_the_optimizer_directly_is_caught():
    def direct(make, loss_and_grad, x0, lr, steps):
        return run(make(lr), loss_and_grad, x0, steps).params
    message = ch09.check_rescaled_path(direct).message
    assert "you built the optimizer with lr = 0.05" in message


def test_a_missing_start_is_a_shape_error():
    def no_start(make, loss_and_grad, x0, lr, steps):
        return rescaled_path(make, loss_and_grad, x0, lr, steps)[1:]
    message = ch09.check_rescaled_path(no_start).message
    assert "shape (6, 2)" in message and "θ_0 to θ_6" in message


def test_an_unnamed_difference_gives_the_step_and_index():
    def late(make, loss_and_grad, x0, lr, steps):
        path = rescaled_path(make, loss_and_grad, x0, lr, steps)
        path[4, 1] += 1e-3
        return path
    message = ch09.check_rescaled_path(late).message
    assert "your θ_4 differs" in message and "index 1" in message


def test_every_case_is_checked():
    def only_adam(make, loss_and_grad, x0, lr, steps):
        path = rescaled_path(make, loss_and_grad, x0, lr, steps)
        return path if lr == 0.05 else path + 1.0
    message = ch09.check_rescaled_path(only_adam).message
    assert message.startswith("for SGD with momentum")
