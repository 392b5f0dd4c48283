"""Tests for the chapter 1 checker: right code passes, slips are named."""

import numpy as np

from optim_lib.exercises import ch01
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def reference(params, xs, ys):
    a, b = params
    r = a * xs + b - ys
    return float(np.sum(r ** 2)), np.array([2 * np.sum(r * xs),
                                            2 * np.sum(r)])


def test_correct_solution_passes():
    feedback = ch01.check_loss_and_grad(reference)
    assert feedback.passed and feedback.message == PASSED


def test_stub_is_not_implemented_yet():
    def stub(params, xs, ys):
        raise NotImplementedError

    feedback = ch01.check_loss_and_grad(stub)
    assert not feedback.passed and feedback.message == NOT_IMPLEMENTED


def test_mean_instead_of_sum_is_recognised():
    def mean(params, xs, ys):
        loss, grads = reference(params, xs, ys)
        return loss / len(xs), grads / len(xs)

    feedback = ch01.check_loss_and_grad(mean)
    assert not feedback.passed
    assert "looks like a mean" in feedback.message


def test_missing_factor_two_is_recognised():
    def half(params, xs, ys):
        loss, grads = reference(params, xs, ys)
        return loss, grads / 2

    feedback = ch01.check_loss_and_grad(half)
    assert "factor 2" in feedback.message
    assert "index 0" in feedback.message


def test_wrong_return_type_and_mutation_are_reported():
    assert "return a pair" in ch01.check_loss_and_grad(
        lambda p, x, y: 1.0).message

    def mutating(params, xs, ys):
        result = reference(params, xs, ys)
        params[0] = 99.0
        return result

    assert "changed params" in ch01.check_loss_and_grad(mutating).message
