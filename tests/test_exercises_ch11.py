"""Tests for the chapter 11 checker: it passes the reference, and names
the first thing a typical wrong answer gets wrong."""

import doctest

import numpy as np

from optim_lib import optimizers
from optim_lib.exercises import ch11
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def test_doctests():
    assert doctest.testmod(ch11, extraglobs={"np": np}).failed == 0


def test_the_reference_passes():
    feedback = ch11.check_clip_by_global_norm(ch11.clip_by_global_norm)
    assert feedback.passed and feedback.message == PASSED


def test_the_library_passes():
    feedback = ch11.check_clip_by_global_norm(optimizers.clip_grad_norm)
    assert feedback.passed


def test_a_stub_is_not_implemented_yet():
    def stub(grads, max_norm):
        raise NotImplementedError

    assert ch11.check_clip_by_global_norm(stub).message == NOT_IMPLEMENTED


def test_clipping_each_array_alone_is_named():
    def per_array(grads, max_norm):
        norm = ch11.clip_by_global_norm(grads, max_norm)[1]
        clipped = {k: g * min(1.0, max_norm / np.linalg.norm(g))
                   for k, g in grads.items()}
        return clipped, norm

    message = ch11.check_clip_by_global_norm(per_array).message
    assert "clipped by its own norm" in message


def test_scaling_up_is_named():
    def always_scale(grads, max_norm):
        norm = ch11.clip_by_global_norm(grads, max_norm)[1]
        return {k: g * max_norm / norm for k, g in grads.items()}, norm

    message = ch11.check_clip_by_global_norm(always_scale).message
    assert "no clipping" in message and "scaled up" in message


def test_returning_the_norm_after_clipping_is_named():
    def late_norm(grads, max_norm):
        clipped, norm = ch11.clip_by_global_norm(grads, max_norm)
        return clipped, min(norm, max_norm)

    message = ch11.check_clip_by_global_norm(late_norm).message
    assert "before clipping" in message


def test_a_wrong_norm_is_explained():
    def l1(grads, max_norm):
        clipped = ch11.clip_by_global_norm(grads, max_norm)[0]
        return clipped, float(sum(np.abs(g).sum() for g in grads.values()))

    message = ch11.check_clip_by_global_norm(l1).message
    assert "sum of the squares" in message


def test_scaling_in_place_is_caught():
    def in_place(grads, max_norm):
        clipped, norm = ch11.clip_by_global_norm(grads, max_norm)
        for key in grads:
            grads[key][...] = clipped[key]
        return clipped, norm

    message = ch11.check_clip_by_global_norm(in_place).message
    assert "changed grads" in message
