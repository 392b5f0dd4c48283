"""Tests for the chapter 5 checker: the reference passes, and the usual
ways to get an epoch of minibatches wrong are each named."""

import doctest

import numpy as np

from optim_lib.exercises import ch05
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def test_the_reference_passes():
    feedback = ch05.check_minibatches(ch05.minibatches)
    assert feedback.passed and feedback.message == PASSED


def test_the_reference_covers_every_point_once():
    batches = ch05.minibatches(10, 3, np.random.default_rng(0))
    assert [len(b) for b in batches] == [3, 3, 3, 1]
    assert sorted(np.concatenate(batches)) == list(range(10))


def test_a_stub_is_not_implemented_yet():
    def stub(n, batch_size, rng):
        raise NotImplementedError

    assert ch05.check_minibatches(stub).message == NOT_IMPLEMENTED


def test_drawing_with_replacement_names_a_repeated_index():
    def with_replacement(n, batch_size, rng):
        return [rng.integers(0, n, size=min(batch_size, n - start))
                for start in range(0, n, batch_size)]

    message = ch05.check_minibatches(with_replacement).message
    assert "appears" in message and "exactly once" in message


def test_dropping_the_last_batch_is_named():
    def drop_last(n, batch_size, rng):
        order = rng.permutation(n)
        return [order[s:s + batch_size]
                for s in range(0, n - batch_size + 1, batch_size)]

    message = ch05.check_minibatches(drop_last).message
    assert message.startswith("With n = 10 and batch_size = 3")
    assert "4 batches" in message and "you made 3" in message


def test_a_wrong_batch_size_is_named():
    def all_equal(n, batch_size, rng):
        return np.array_split(rng.permutation(n), -(-n // batch_size))

    message = ch05.check_minibatches(all_equal).message
    assert "batch 2 should hold 3 indices; it holds 2" in message


def test_no_shuffling_is_named():
    def in_order(n, batch_size, rng):
        order = np.arange(n)
        return [order[s:s + batch_size] for s in range(0, n, batch_size)]

    message = ch05.check_minibatches(in_order).message
    assert "stored order" in message


def test_a_fixed_shuffle_is_named():
    def fixed(n, batch_size, rng):
        order = np.random.default_rng(0).permutation(n)
        return [order[s:s + batch_size] for s in range(0, n, batch_size)]

    assert "different seeds" in ch05.check_minibatches(fixed).message


def test_global_randomness_is_named():
    source = np.random.default_rng(99)

    def global_rng(n, batch_size, rng):
        order = source.permutation(n)
        return [order[s:s + batch_size] for s in range(0, n, batch_size)]

    assert "same seed" in ch05.check_minibatches(global_rng).message


def test_float_indices_are_named():
    def floats(n, batch_size, rng):
        return [b.astype(float) for b in ch05.minibatches(n, batch_size,
                                                          rng)]

    assert "integer indices" in ch05.check_minibatches(floats).message


def test_the_examples_in_the_docstrings_run():
    assert doctest.testmod(ch05).failed == 0
