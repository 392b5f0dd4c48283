"""Learning-rate schedules: η as a function of the step count t.

A schedule is a function `schedule(t) -> lr` for t = 0, 1, 2, ...: the
learning rate of the step taken after t steps, so step 1 uses
schedule(0). An optimizer given `lr=schedule` evaluates it with its own
step count. The values equal torch.optim.lr_scheduler's when its
`scheduler.step()` is called once after every `optimizer.step()`:

    >>> lr = cosine_annealing(0.1, T_max=4)
    >>> [round(lr(t), 4) for t in range(6)]
    [0.1, 0.0854, 0.05, 0.0146, 0.0, 0.0146]

`sequential` joins schedules, for the common warmup-then-decay shape.
"""

import math
from bisect import bisect_right
from collections.abc import Callable, Sequence

__all__ = ["Schedule", "constant", "step_decay", "exponential",
           "cosine_annealing", "linear_warmup", "sequential"]

Schedule = Callable[[int], float]


def _require(ok: bool, name: str, allowed: str, value: object) -> None:
    if not ok:
        raise ValueError(f"{name} must be {allowed}, got {value!r}")


def _named(schedule: Schedule, text: str) -> Schedule:
    """Give a schedule a readable name, shown by an optimizer's repr."""
    schedule.__name__ = schedule.__qualname__ = text
    return schedule


def constant(lr: float) -> Schedule:
    """η_t = η: the same rate at every step.

    Args:
        lr: the rate η >= 0.

    Example:
        >>> constant(0.1)(50)
        0.1
    """
    _require(lr >= 0, "lr", ">= 0", lr)

    def schedule(t: int) -> float:
        return lr

    return _named(schedule, f"constant({lr})")


def step_decay(lr: float, step_size: int, gamma: float = 0.1) -> Schedule:
    """η_t = η γ^⌊t / step_size⌋: multiply by γ every step_size steps.

    As torch.optim.lr_scheduler.StepLR.

    Args:
        lr: the starting rate η >= 0.
        step_size: steps between two decays, an integer >= 1.
        gamma: the factor γ > 0.

    Example:
        >>> lr = step_decay(1.0, step_size=2, gamma=0.5)
        >>> [lr(t) for t in range(5)]
        [1.0, 1.0, 0.5, 0.5, 0.25]
    """
    _require(lr >= 0, "lr", ">= 0", lr)
    _require(isinstance(step_size, int) and step_size >= 1, "step_size",
             "an integer >= 1", step_size)
    _require(gamma > 0, "gamma", "> 0", gamma)

    def schedule(t: int) -> float:
        return lr * gamma ** (t // step_size)

    return _named(schedule, f"step_decay({lr}, {step_size}, {gamma})")


def exponential(lr: float, gamma: float) -> Schedule:
    """η_t = η γ^t: multiply by γ at every step.

    As torch.optim.lr_scheduler.ExponentialLR.

    Args:
        lr: the starting rate η >= 0.
        gamma: the factor γ > 0 (below 1 for a decay).

    Example:
        >>> exponential(1.0, gamma=0.5)(3)
        0.125
    """
    _require(lr >= 0, "lr", ">= 0", lr)
    _require(gamma > 0, "gamma", "> 0", gamma)

    def schedule(t: int) -> float:
        return lr * gamma**t

    return _named(schedule, f"exponential({lr}, {gamma})")


def cosine_annealing(lr: float, T_max: int, eta_min: float = 0.0
                     ) -> Schedule:
    """η_t = η_min + (η − η_min) (1 + cos(π t / T_max)) / 2.

    From η at t = 0 down to η_min at t = T_max along half a cosine wave,
    as torch.optim.lr_scheduler.CosineAnnealingLR (Loshchilov and
    Hutter's SGDR without restarts).

    Warning:
        Like PyTorch's, the rate rises again after T_max (the cosine goes
        on). To stay at η_min, follow it with `constant(eta_min)` in
        `sequential`, or choose T_max as the length of the run.

    Args:
        lr: the starting rate η >= 0.
        T_max: steps from η down to η_min, an integer >= 1.
        eta_min: the lowest rate η_min >= 0.

    Example:
        >>> lr = cosine_annealing(1.0, T_max=2)
        >>> [round(lr(t), 4) for t in range(3)]
        [1.0, 0.5, 0.0]
    """
    _require(lr >= 0, "lr", ">= 0", lr)
    _require(isinstance(T_max, int) and T_max >= 1, "T_max",
             "an integer >= 1", T_max)
    _require(eta_min >= 0, "eta_min", ">= 0", eta_min)

    def schedule(t: int) -> float:
        cosine = (1 + math.cos(math.pi * t / T_max)) / 2
        return eta_min + (lr - eta_min) * cosine

    return _named(schedule, f"cosine_annealing({lr}, {T_max}, {eta_min})")


def linear_warmup(lr: float, warmup_steps: int = 5,
                  start_factor: float = 1 / 3, end_factor: float = 1.0
                  ) -> Schedule:
    """η_t = η (s + (e − s) min(t, T) / T): a straight line, then flat.

    The factor goes from s = start_factor at t = 0 to e = end_factor at
    t = T = warmup_steps and stays there, as
    torch.optim.lr_scheduler.LinearLR (whose T is `total_iters`).

    Args:
        lr: the rate η >= 0 that the factors multiply.
        warmup_steps: T, an integer >= 1.
        start_factor: s in (0, 1].
        end_factor: e in [0, 1].

    Example:
        >>> lr = linear_warmup(1.0, warmup_steps=4, start_factor=0.2)
        >>> [round(lr(t), 4) for t in range(6)]
        [0.2, 0.4, 0.6, 0.8, 1.0, 1.0]
    """
    _require(lr >= 0, "lr", ">= 0", lr)
    _require(isinstance(warmup_steps, int) and warmup_steps >= 1,
             "warmup_steps", "an integer >= 1", warmup_steps)
    _require(0 < start_factor <= 1, "start_factor", "in (0, 1]",
             start_factor)
    _require(0 <= end_factor <= 1, "end_factor", "in [0, 1]", end_factor)
    rise = end_factor - start_factor

    def schedule(t: int) -> float:
        return lr * (start_factor + rise * min(t, warmup_steps)
                     / warmup_steps)

    return _named(schedule, f"linear_warmup({lr}, {warmup_steps}, "
                            f"{start_factor:.4g}, {end_factor})")


def sequential(schedules: Sequence[Schedule], milestones: Sequence[int]
               ) -> Schedule:
    """Run schedules one after another, each restarting its own count.

    Schedule i runs from milestone i - 1 (0 for the first) and sees the
    steps counted from there, as torch.optim.lr_scheduler.SequentialLR.

    Args:
        schedules: k >= 1 schedules.
        milestones: k - 1 increasing integers >= 1, the steps where the
            next schedule takes over.

    Example:
        >>> lr = sequential([linear_warmup(1.0, 2, 0.5),
        ...                  exponential(1.0, 0.5)], milestones=[2])
        >>> [lr(t) for t in range(5)]
        [0.5, 0.75, 1.0, 0.5, 0.25]
    """
    schedules, starts = list(schedules), [0, *milestones]
    _require(len(schedules) >= 1, "schedules", "at least one schedule",
             schedules)
    _require(len(milestones) == len(schedules) - 1, "milestones",
             f"{len(schedules) - 1} numbers (one fewer than schedules)",
             milestones)
    _require(all(isinstance(m, int) for m in milestones)
             and all(a < b for a, b in zip(starts, starts[1:])),
             "milestones", "increasing integers >= 1", milestones)

    def schedule(t: int) -> float:
        i = bisect_right(starts, t) - 1
        return schedules[i](t - starts[i])

    names = ", ".join(getattr(s, "__name__", "schedule") for s in schedules)
    return _named(schedule, f"sequential([{names}], {list(milestones)})")
