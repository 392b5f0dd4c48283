"""Tests for the chapter 2 checker: right code passes, slips are named."""

import itertools

import numpy as np

from optim_lib.exercises import ch02
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def reference(loss, low, high, k):
    axes = [lo + (hi - lo) * (np.arange(k) + 0.5) / k
            for lo, hi in zip(low, high)]
    best_params, best_loss, evaluations = None, np.inf, 0
    for point in itertools.product(*axes):
        value = loss(np.array(point))
        evaluations += 1
        if value < best_loss:
            best_params, best_loss = np.array(point), value
    return best_params, best_loss, evaluations


def test_correct_solution_passes():
    feedback = ch02.check_grid_search(reference)
    assert feedback.passed and feedback.message == PASSED


def test_stub_is_not_implemented_yet():
    def stub(loss, low, high, k):
        raise NotImplementedError

    assert ch02.check_grid_search(stub).message == NOT_IMPLEMENTED


def test_grid_with_edges_is_recognised():
    def edges(loss, low, high, k):
        axes = [np.linspace(lo, hi, k) for lo, hi in zip(low, high)]
        points = [np.array(p) for p in itertools.product(*axes)]
        values = [loss(p) for p in points]
        best = int(np.argmin(values))
        return points[best], values[best], len(points)

    feedback = ch02.check_grid_search(edges)
    assert not feedback.passed and "cell centres" in feedback.message


def test_wrong_number_of_evaluations_is_reported():
    def two_d_only(loss, low, high, k):
        return reference(loss, low[:1], high[:1], k) if len(low) > 2 \
            else reference(loss, low, high, k)

    def extra_call(loss, low, high, k):
        loss(np.asarray(low))
        return reference(loss, low, high, k)

    for learner in (two_d_only, extra_call):
        message = ch02.check_grid_search(learner).message
        assert "k^d" in message or "raised" in message


def test_wrong_return_is_reported():
    message = ch02.check_grid_search(lambda *args: 3.0).message
    assert "return a triple" in message
