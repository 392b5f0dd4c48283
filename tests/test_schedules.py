"""Tests for optim_lib.schedules: torch.optim.lr_scheduler's values."""

import doctest
import json
import math

import numpy as np
import pytest

import record_torch_reference as reference
from optim_lib import optimizers, schedules

REFERENCE = json.loads(reference.FIXTURE.read_text())
SPECS = [entry["spec"] for entry in REFERENCE["schedules"]]


def spec_id(spec: dict) -> str:
    args = ",".join(f"{k}={v}" for k, v in spec.items()
                    if k not in ("schedule", "schedules"))
    return f"{spec['schedule']}({args})"


@pytest.mark.parametrize("entry", REFERENCE["schedules"],
                         ids=lambda e: spec_id(e["spec"]))
def test_matches_recorded_torch_scheduler(entry):
    schedule = reference.our_schedule(entry["spec"])
    got = np.array([schedule(t) for t in range(len(entry["lr"]))])
    np.testing.assert_allclose(got, entry["lr"], rtol=1e-12, atol=1e-15)


def test_fixture_covers_every_schedule():
    names = {spec["schedule"] for spec in SPECS}
    assert names == set(schedules.__all__) - {"Schedule"}


@pytest.mark.torch
@pytest.mark.parametrize("spec", SPECS, ids=spec_id)
def test_matches_live_torch_scheduler(spec):
    pytest.importorskip("torch", reason="the live comparison needs torch")
    want = reference.torch_schedule_values(spec, steps=80)
    schedule = reference.our_schedule(spec)
    got = [schedule(t) for t in range(80)]
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)


def test_docstring_examples_run():
    assert doctest.testmod(schedules).failed == 0


def test_step_decay_multiplies_every_step_size_steps():
    lr = schedules.step_decay(0.8, step_size=3, gamma=0.5)
    assert [lr(t) for t in (0, 2, 3, 5, 6, 9)] == [0.8, 0.8, 0.4, 0.4,
                                                   0.2, 0.1]


def test_cosine_reaches_eta_min_at_t_max_and_rises_after():
    lr = schedules.cosine_annealing(0.1, T_max=10, eta_min=0.01)
    assert lr(0) == 0.1 and lr(10) == pytest.approx(0.01)
    assert lr(5) == pytest.approx(0.055)
    assert lr(11) > lr(10) and lr(20) == pytest.approx(0.1)


def test_linear_warmup_rises_then_stays():
    lr = schedules.linear_warmup(1.0, warmup_steps=4, start_factor=0.2)
    assert [lr(t) for t in range(7)] == pytest.approx(
        [0.2, 0.4, 0.6, 0.8, 1.0, 1.0, 1.0])


def test_sequential_restarts_each_schedule_at_its_milestone():
    lr = schedules.sequential(
        [schedules.constant(1.0), schedules.exponential(2.0, 0.5),
         schedules.constant(0.1)], milestones=[2, 5])
    assert [lr(t) for t in range(7)] == [1.0, 1.0, 2.0, 1.0, 0.5, 0.1, 0.1]


def test_schedules_have_readable_names():
    lr = schedules.sequential([schedules.linear_warmup(0.1, 5),
                               schedules.cosine_annealing(0.1, 50)], [5])
    assert lr.__name__ == ("sequential([linear_warmup(0.1, 5, 0.3333, "
                           "1.0), cosine_annealing(0.1, 50, 0.0)], [5])")


def test_an_optimizer_follows_its_schedule():
    lr = schedules.cosine_annealing(0.2, T_max=8)
    opt = optimizers.SGD(lr=lr)
    theta, state = np.zeros(1), opt.init(np.zeros(1))
    for t in range(12):
        before = theta
        theta, state = opt.step(theta, np.ones(1), state)
        assert before[0] - theta[0] == pytest.approx(lr(t), abs=1e-15)


def test_a_user_schedule_that_turns_negative_raises_naming_lr():
    opt = optimizers.Adam(lr=lambda t: 0.01 * math.cos(t))
    theta, state = np.zeros(1), opt.init(np.zeros(1))
    theta, state = opt.step(theta, np.ones(1), state)
    with pytest.raises(ValueError, match=r"^lr must be >= 0.* at t=2"):
        for _ in range(5):
            theta, state = opt.step(theta, np.ones(1), state)


@pytest.mark.parametrize("make, name", [
    (lambda: schedules.constant(-0.1), "lr"),
    (lambda: schedules.step_decay(-0.1, 5), "lr"),
    (lambda: schedules.step_decay(0.1, 0), "step_size"),
    (lambda: schedules.step_decay(0.1, 2.5), "step_size"),
    (lambda: schedules.step_decay(0.1, 5, gamma=0.0), "gamma"),
    (lambda: schedules.exponential(-1.0, 0.9), "lr"),
    (lambda: schedules.exponential(0.1, -0.9), "gamma"),
    (lambda: schedules.cosine_annealing(-0.1, 10), "lr"),
    (lambda: schedules.cosine_annealing(0.1, 0), "T_max"),
    (lambda: schedules.cosine_annealing(0.1, 10, eta_min=-1e-3),
     "eta_min"),
    (lambda: schedules.linear_warmup(-0.1), "lr"),
    (lambda: schedules.linear_warmup(0.1, warmup_steps=0), "warmup_steps"),
    (lambda: schedules.linear_warmup(0.1, start_factor=0.0),
     "start_factor"),
    (lambda: schedules.linear_warmup(0.1, start_factor=1.5),
     "start_factor"),
    (lambda: schedules.linear_warmup(0.1, end_factor=1.5), "end_factor"),
    (lambda: schedules.sequential([], []), "schedules"),
    (lambda: schedules.sequential([schedules.constant(0.1)] * 2, []),
     "milestones"),
    (lambda: schedules.sequential([schedules.constant(0.1)] * 3, [5, 5]),
     "milestones"),
    (lambda: schedules.sequential([schedules.constant(0.1)] * 2, [0]),
     "milestones"),
])
def test_bad_arguments_raise_naming_them(make, name):
    with pytest.raises(ValueError, match=rf"^{name} must be"):
        make()
