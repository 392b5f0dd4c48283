"""Tests for optim_lib.search: random and grid search, and the counts."""

import doctest

import numpy as np
import pytest

from optim_lib import problems, search


def sphere(theta):
    """f(θ) = |θ − 0.3|², minimum 0 at θ = 0.3 in every coordinate."""
    theta = np.asarray(theta)
    shift = np.full(theta.shape[0], 0.3).reshape((-1,) + (1,) *
                                                 (theta.ndim - 1))
    return np.sum((theta - shift) ** 2, axis=0)


def test_docstring_examples_run():
    assert doctest.testmod(search).failed == 0


def test_random_search_is_reproducible_and_stays_in_the_box():
    low, high = np.array([-1.0, 0.0, 2.0]), np.array([1.0, 0.5, 3.0])
    one = search.random_search(sphere, low, high, 500,
                               np.random.default_rng(0))
    two = search.random_search(sphere, low, high, 500,
                               np.random.default_rng(0))
    np.testing.assert_array_equal(one.candidates, two.candidates)
    assert one.candidates.shape == (500, 3)
    assert (one.candidates >= low).all() and (one.candidates <= high).all()


def test_result_record_is_consistent():
    result = search.random_search(sphere, [-1.0, -1.0], [1.0, 1.0], 200,
                                  np.random.default_rng(1))
    assert result.evaluations == 200 == len(result.history)
    np.testing.assert_allclose(result.losses,
                               [sphere(c) for c in result.candidates])
    assert result.loss == result.losses.min() == result.history[-1]
    assert sphere(result.params) == pytest.approx(result.loss)
    assert (np.diff(result.history) <= 0).all()
    assert repr(result).startswith("SearchResult(loss=")


def test_random_search_matches_a_loop_written_by_hand():
    rng = np.random.default_rng(2)
    draws = rng.uniform([-2.0, -1.0], [2.0, 3.0], size=(50, 2))
    losses = [problems.Rosenbrock().loss(theta) for theta in draws]

    result = search.random_search(problems.Rosenbrock().loss, [-2.0, -1.0],
                                  [2.0, 3.0], 50, np.random.default_rng(2))
    np.testing.assert_array_equal(result.candidates, draws)
    assert result.loss == min(losses)


@pytest.mark.parametrize("chunk_size", [1, 7, 64, 10_000])
def test_vectorized_and_chunked_give_the_same_result(chunk_size):
    plain = search.random_search(sphere, [-1.0] * 2, [1.0] * 2, 300,
                                 np.random.default_rng(3))
    fast = search.random_search(sphere, [-1.0] * 2, [1.0] * 2, 300,
                                np.random.default_rng(3), vectorized=True,
                                chunk_size=chunk_size)
    np.testing.assert_array_equal(plain.candidates, fast.candidates)
    np.testing.assert_allclose(plain.history, fast.history)


def test_tolerance_stops_at_the_first_good_candidate():
    full = search.random_search(sphere, [-1.0] * 2, [1.0] * 2, 2000,
                                np.random.default_rng(4))
    needed = search.evaluations_to_tolerance(full, 0.01)
    stopped = search.random_search(sphere, [-1.0] * 2, [1.0] * 2, 2000,
                                   np.random.default_rng(4), tol=0.01,
                                   vectorized=True, chunk_size=100)
    assert needed is not None and stopped.evaluations == needed
    assert stopped.loss <= 0.01 < stopped.history[-2]


def test_random_search_improves_with_more_samples():
    medians = []
    for n in (10, 1000):
        best = [search.random_search(sphere, [-1.0] * 2, [1.0] * 2, n,
                                     np.random.default_rng(seed)).loss
                for seed in range(20)]
        medians.append(np.median(best))
    assert medians[1] < medians[0] / 10


def test_grid_points_are_cell_centres():
    axes = search.grid_points([0.0, -1.0], [1.0, 1.0], 4)
    np.testing.assert_allclose(axes[0], [0.125, 0.375, 0.625, 0.875])
    np.testing.assert_allclose(axes[1], [-0.75, -0.25, 0.25, 0.75])
    np.testing.assert_allclose(search.grid_points([0.0], [2.0], 1)[0], [1.0])


def test_grid_search_visits_every_point_in_row_major_order():
    result = search.grid_search(sphere, [0.0, 0.0], [1.0, 1.0], 3)
    centres = [1 / 6, 1 / 2, 5 / 6]
    expected = [[a, b] for a in centres for b in centres]
    np.testing.assert_allclose(result.candidates, expected)
    assert result.evaluations == 9
    np.testing.assert_allclose(result.params, [1 / 6, 1 / 6])


def test_grid_search_cost_is_k_to_the_d():
    result = search.grid_search(sphere, [-1.0] * 4, [1.0] * 4, 5,
                                vectorized=True, chunk_size=33)
    assert result.evaluations == 5 ** 4
    assert len(np.unique(result.candidates, axis=0)) == 5 ** 4
    plain = search.grid_search(sphere, [-1.0] * 4, [1.0] * 4, 5)
    np.testing.assert_array_equal(plain.candidates, result.candidates)


def test_grid_search_with_tolerance_stops_early():
    result = search.grid_search(sphere, [-1.0] * 2, [1.0] * 2, 21, tol=0.5)
    assert result.evaluations < 21 ** 2
    assert result.loss <= 0.5 < result.history[-2]


def test_evaluations_to_tolerance():
    assert search.evaluations_to_tolerance([3.0, 2.0, 0.5], 1.0) == 3
    assert search.evaluations_to_tolerance([0.1, 2.0], 1.0) == 1
    assert search.evaluations_to_tolerance([3.0, 2.0], 1.0) is None
    # Raw losses work too: the running minimum is taken.
    assert search.evaluations_to_tolerance([3.0, 0.5, 4.0], 1.0) == 2
    assert search.evaluations_to_tolerance([], 1.0) is None


def test_counted_loss_counts_points_not_calls():
    counted = search.CountedLoss(sphere)
    counted(np.zeros(3))
    counted(np.zeros((3, 10)))
    assert counted.count == 11
    search.random_search(counted, [-1.0] * 3, [1.0] * 3, 100,
                         np.random.default_rng(5), vectorized=True,
                         chunk_size=30)
    assert counted.count == 111
    counted.reset()
    assert counted.count == 0


def test_gradient_cost_convention():
    assert search.gradient_cost(5) == 10
    assert search.gradient_cost(5, "forward") == 5
    assert search.gradient_cost(5, "analytic") == \
        search.gradient_cost(500, "analytic") == 2


def test_bounds_to_box_reads_problem_bounds():
    low, high = search.bounds_to_box(problems.Rosenbrock().bounds)
    np.testing.assert_allclose(low, [-2.0, -1.0])
    np.testing.assert_allclose(high, [2.0, 3.0])


@pytest.mark.parametrize("kwargs, message", [
    ({"low": [1.0, 0.0], "high": [0.0, 1.0]},
     "low must be below high.*index 0"),
    ({"low": [0.0, 0.0], "high": [1.0]}, "one length"),
    ({"low": [], "high": []}, "one length"),
    ({"low": [0.0], "high": [np.inf]}, "finite"),
    ({"n_samples": 0}, "n_samples must"),
    ({"n_samples": 2.5}, "n_samples must"),
    ({"rng": 0}, "rng must be a numpy Generator"),
    ({"chunk_size": 0}, "chunk_size"),
])
def test_random_search_rejects_bad_input(kwargs, message):
    arguments = {"low": [0.0, 0.0], "high": [1.0, 1.0], "n_samples": 5,
                 "rng": np.random.default_rng(6)}
    arguments.update(kwargs)
    with pytest.raises(ValueError, match=message):
        search.random_search(sphere, **arguments)


def test_grid_search_rejects_bad_input():
    with pytest.raises(ValueError, match="points_per_axis must"):
        search.grid_search(sphere, [0.0], [1.0], 0)
    with pytest.raises(ValueError, match="exceeds the limit"):
        search.grid_search(sphere, [0.0] * 8, [1.0] * 8, 100)
    with pytest.raises(ValueError, match="low must be below high"):
        search.grid_search(sphere, [0.0, 2.0], [1.0, 2.0], 3)


def test_loss_returning_wrong_shape_is_reported():
    with pytest.raises(ValueError, match="one number per candidate"):
        search.random_search(lambda t: np.zeros(3), [0.0], [1.0], 5,
                             np.random.default_rng(7), vectorized=True)


def test_other_bad_arguments():
    with pytest.raises(ValueError, match="dim must"):
        search.gradient_cost(0)
    with pytest.raises(ValueError, match="method must be one of"):
        search.gradient_cost(2, "backward")
    with pytest.raises(ValueError, match="bounds must"):
        search.bounds_to_box([1.0, 2.0])
    with pytest.raises(ValueError, match="loss must be callable"):
        search.CountedLoss(3.0)
    with pytest.raises(ValueError, match="history must be 1-D"):
        search.evaluations_to_tolerance(np.zeros((2, 2)), 1.0)
