"""Tests for optim_lib.prose, the numbers handed to the chapters' text."""

import doctest

import numpy as np

from optim_lib import prose


def test_values_are_rounded_to_six_significant_digits():
    assert prose.rounded(2 / 3) == 0.666667
    assert prose.rounded(123456789.0) == 123457000.0
    assert prose.rounded(-1.23456789e-9) == -1.23457e-09


def test_numpy_scalars_become_plain_floats():
    value = prose.rounded(np.float64(0.1) + np.float64(0.2))
    assert type(value) is float and value == 0.3


def test_docstring_examples_run():
    assert doctest.testmod(prose).failed == 0
