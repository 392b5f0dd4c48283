"""Tests for optim_lib.exercises.feedback, the base of every checker."""

import doctest

import numpy as np
import pytest

from optim_lib.exercises import feedback
from optim_lib.exercises.feedback import (NOT_IMPLEMENTED, PASSED,
                                          WrongReturn, call_on_copies,
                                          first_difference, matching_slip,
                                          run_checks, unchanged_inputs)


def test_doctests():
    assert doctest.testmod(feedback).failed == 0


def test_equal_arrays_have_no_difference():
    assert first_difference(np.arange(3.0), [0.0, 1.0, 2.0]) is None


def test_first_difference_names_the_index_and_both_values():
    message = first_difference([1.0, 2.0, 3.5], [1.0, 2.0, 3.0])
    assert message == "it differs at index 2: got 3.5, expected 3"


def test_first_difference_in_a_matrix_names_row_and_column():
    got = np.zeros((2, 3))
    got[1, 2] = 1.0
    assert "index (1, 2)" in first_difference(got, np.zeros((2, 3)))


def test_a_shape_mismatch_is_named():
    message = first_difference(np.zeros(3), np.zeros(2))
    assert message == "its shape is (3,), expected (2,)"


def test_checks_pass_when_every_check_agrees():
    feedback = run_checks([lambda: None, lambda: None])
    assert feedback.passed and feedback.message == PASSED
    assert repr(feedback).endswith(PASSED)


def test_the_first_failing_check_is_reported():
    feedback = run_checks([lambda: None, lambda: "first", lambda: "second"])
    assert not feedback.passed and feedback.message == "first"


def test_a_stub_is_reported_as_not_implemented():
    def stub():
        raise NotImplementedError

    feedback = run_checks([stub])
    assert not feedback.passed and feedback.message == NOT_IMPLEMENTED


def test_a_crash_in_the_learners_code_is_reported_by_name():
    feedback = run_checks([lambda: 1 / 0])
    assert feedback.message.startswith("Your code raised ZeroDivisionError")


def sgd_in_place(params, grads, lr):
    params -= lr * grads
    return params, grads


def test_call_on_copies_keeps_the_callers_arrays():
    params, grads = np.array([1.0, 2.0]), np.ones(2)
    got = call_on_copies(sgd_in_place, params, grads, lr=0.5,
                         returns=("params", "grads"))
    np.testing.assert_array_equal(got[0], [0.5, 1.5])
    np.testing.assert_array_equal(params, [1.0, 2.0])


def test_call_on_copies_returns_arrays_of_floats():
    got = call_on_copies(lambda params, t: ([1, 2], t), np.zeros(2), 3,
                         returns=("params", "t"))
    assert [part.dtype for part in got] == [float, float]
    assert got[1] == 3.0


def test_call_on_copies_names_the_tuple_it_wanted():
    with pytest.raises(WrongReturn) as error:
        call_on_copies(lambda p, m, v: p, np.ones(2), np.ones(2), np.ones(2),
                       returns=("params", "m", "v"))
    assert str(error.value) == ("your function should return a tuple "
                                "(params, m, v) of three arrays; it "
                                "returned ndarray")


def test_a_wrong_return_is_reported_by_its_message_alone():
    def check():
        call_on_copies(lambda p: None, np.ones(2), returns=("params", "v"))

    feedback = run_checks([check])
    assert not feedback.passed
    assert feedback.message.startswith("your function should return")


def test_unchanged_inputs_passes_a_function_that_copies():
    check = unchanged_inputs(lambda params, grads, lr: (params - lr * grads,),
                             dict(params=np.ones(2), grads=np.ones(2)),
                             "a hint", 0.1)
    assert check() is None


def test_unchanged_inputs_names_the_first_changed_array_and_the_hint():
    params, grads = np.ones(2), np.full(2, 3.0)
    check = unchanged_inputs(sgd_in_place, dict(params=params, grads=grads),
                             "write `params = params - ...`", lr=0.1)
    assert check() == ("your function changed the array `params` it was "
                       "given; return new arrays instead (write "
                       "`params = params - ...`)")
    np.testing.assert_array_equal(params, np.ones(2))


def test_matching_slip_names_the_first_slip_that_fits():
    slips = {"none fits": [0.0], "first fits": [1.0], "also fits": [1.0]}
    assert matching_slip([1.0], slips) == "first fits"
    assert matching_slip([2.0], slips) is None


def test_matching_slip_uses_the_tolerances_given():
    slips = {"close": [1.0 + 1e-8]}
    assert matching_slip([1.0], slips) == "close"
    assert matching_slip([1.0], slips, rtol=1e-12, atol=0.0) is None
