"""Tests for optim_lib.exercises.feedback, the base of every checker."""

import numpy as np

from optim_lib.exercises.feedback import (NOT_IMPLEMENTED, PASSED,
                                          first_difference, run_checks)


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
