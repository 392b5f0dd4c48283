"""Record torch.optim's numbers as fixtures for the optimizer tests.

Run it where torch is installed (`pip install torch==2.13.0`):

    python tests/record_torch_reference.py

It writes tests/fixtures/torch_reference.json: for every case below, the
parameters of a 50-step float64 run of torch.optim on a small problem,
and the values of torch.optim.lr_scheduler's schedulers. The default
tests compare optim_lib with this file and never import torch; the live
tests (marked `torch`) import the functions here and compare with torch
itself when it is installed.

The problem: θ is a (2, 2) array (or a dict of a (2, 2) and a (2,)
array), and the gradient is A θ − c + 0.5 tanh(θ), flattened, with A
symmetric positive definite: smooth, curved and coupled, so every flag
of every optimizer changes the path. Gradients are computed with numpy
on both sides: only the optimizers' arithmetic can differ.
"""

import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

FIXTURE = Path(__file__).parent / "fixtures" / "torch_reference.json"
STEPS = 50
TORCH_NAMES = {"SGD": "SGD", "AdaGrad": "Adagrad", "RMSProp": "RMSprop",
               "Adam": "Adam", "AdamW": "AdamW"}

X0 = np.array([[1.5, -2.0], [0.5, 3.0]])
X0_DICT = {"w": X0, "b": np.array([-1.0, 0.25])}
A = np.array([[3.0, 0.5, 0.0, 0.2, 0.0, 0.1],
              [0.5, 2.0, 0.3, 0.0, 0.1, 0.0],
              [0.0, 0.3, 1.0, 0.1, 0.0, 0.0],
              [0.2, 0.0, 0.1, 0.5, 0.0, 0.1],
              [0.0, 0.1, 0.0, 0.0, 1.5, 0.2],
              [0.1, 0.0, 0.0, 0.1, 0.2, 0.8]])
C = np.array([1.0, -0.5, 0.25, 2.0, 0.0, -1.0])


def _flat(params: Any) -> np.ndarray:
    if isinstance(params, dict):
        return np.concatenate([np.ravel(params[k]) for k in sorted(params)])
    return np.ravel(params)


def grad(params: Any) -> Any:
    """The problem's gradient A θ − c + 0.5 tanh(θ), shaped like θ."""
    theta = _flat(params)
    n = theta.size
    g = A[:n, :n] @ theta - C[:n] + 0.5 * np.tanh(theta)
    if not isinstance(params, dict):
        return g.reshape(np.shape(params))
    out, start = {}, 0
    for key in sorted(params):
        size = np.size(params[key])
        out[key] = g[start:start + size].reshape(np.shape(params[key]))
        start += size
    return out


def _case(name: str, dict_params: bool = False, **kwargs: Any) -> dict:
    return {"optimizer": name, "dict_params": dict_params, "kwargs": kwargs}


COSINE = {"schedule": "cosine_annealing", "lr": 0.1, "T_max": 30,
          "eta_min": 0.001}
WARMUP_COSINE = {"schedule": "sequential", "milestones": [5], "schedules": [
    {"schedule": "linear_warmup", "lr": 0.05, "warmup_steps": 5,
     "start_factor": 0.1},
    {"schedule": "cosine_annealing", "lr": 0.05, "T_max": 45}]}

CASES = [
    _case("SGD", lr=0.05),
    _case("SGD", lr=0.05, momentum=0.9),
    _case("SGD", lr=0.05, momentum=0.9, dampening=0.5),
    _case("SGD", lr=0.05, momentum=0.9, nesterov=True),
    _case("SGD", lr=0.05, weight_decay=0.1),
    _case("SGD", lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.05),
    _case("SGD", lr=0.05, momentum=0.9, weight_decay=0.1, nesterov=True),
    _case("SGD", True, lr=0.05, momentum=0.9, nesterov=True),
    _case("SGD", lr=COSINE, momentum=0.9),
    _case("AdaGrad", lr=0.5),
    _case("AdaGrad", lr=0.5, lr_decay=0.05),
    _case("AdaGrad", lr=0.5, initial_accumulator_value=0.5),
    _case("AdaGrad", lr=0.5, weight_decay=0.1),
    _case("AdaGrad", lr=0.5, lr_decay=0.01, weight_decay=0.05,
          initial_accumulator_value=0.1, eps=1e-6),
    _case("AdaGrad", True, lr=0.5, initial_accumulator_value=0.1),
    _case("AdaGrad", lr={"schedule": "step_decay", "lr": 0.5,
                         "step_size": 10, "gamma": 0.5}, lr_decay=0.02),
    _case("RMSProp", lr=0.01),
    _case("RMSProp", lr=0.01, centered=True),
    _case("RMSProp", lr=0.01, momentum=0.9),
    _case("RMSProp", lr=0.01, centered=True, momentum=0.9),
    _case("RMSProp", lr=0.01, weight_decay=0.1),
    _case("RMSProp", lr=0.02, alpha=0.9, eps=1e-6, centered=True,
          momentum=0.5, weight_decay=0.05),
    _case("RMSProp", True, lr=0.01, centered=True, momentum=0.9),
    _case("RMSProp", lr={"schedule": "linear_warmup", "lr": 0.02,
                         "warmup_steps": 10, "start_factor": 0.1},
          momentum=0.5),
    _case("Adam", lr=0.05),
    _case("Adam", lr=0.05, betas=(0.8, 0.99)),
    _case("Adam", lr=0.05, weight_decay=0.1),
    _case("Adam", lr=0.05, amsgrad=True),
    _case("Adam", lr=0.05, amsgrad=True, weight_decay=0.1, eps=1e-6),
    _case("Adam", True, lr=0.05, amsgrad=True),
    _case("Adam", lr=WARMUP_COSINE),
    _case("AdamW", lr=0.05),
    _case("AdamW", lr=0.05, weight_decay=0.1),
    _case("AdamW", lr=0.05, weight_decay=0.1, amsgrad=True),
    _case("AdamW", lr=0.05, weight_decay=0),
    _case("AdamW", lr=0.05, betas=(0.5, 0.9), eps=1e-4),
    _case("AdamW", True, lr=0.05, weight_decay=0.2),
    _case("AdamW", lr={"schedule": "exponential", "lr": 0.05,
                       "gamma": 0.95}, weight_decay=0.5),
]

SCHEDULES = [
    {"schedule": "constant", "lr": 0.1},
    {"schedule": "step_decay", "lr": 0.1, "step_size": 7, "gamma": 0.5},
    {"schedule": "step_decay", "lr": 0.1, "step_size": 3},
    {"schedule": "exponential", "lr": 0.1, "gamma": 0.93},
    {"schedule": "cosine_annealing", "lr": 0.1, "T_max": 20},
    {"schedule": "cosine_annealing", "lr": 0.1, "T_max": 25,
     "eta_min": 0.002},
    {"schedule": "linear_warmup", "lr": 0.1},
    {"schedule": "linear_warmup", "lr": 0.1, "warmup_steps": 10,
     "start_factor": 0.01},
    {"schedule": "linear_warmup", "lr": 0.1, "warmup_steps": 8,
     "start_factor": 1.0, "end_factor": 0.25},
    WARMUP_COSINE,
    {"schedule": "sequential", "milestones": [4, 20], "schedules": [
        {"schedule": "linear_warmup", "lr": 0.1, "warmup_steps": 4,
         "start_factor": 0.25},
        {"schedule": "constant", "lr": 0.1},
        {"schedule": "exponential", "lr": 0.1, "gamma": 0.9}]},
]


def x0_of(case: dict) -> Any:
    """The starting point of a case: fresh arrays."""
    if case["dict_params"]:
        return {key: value.copy() for key, value in X0_DICT.items()}
    return X0.copy()


def ours(case: dict, steps: int = STEPS) -> np.ndarray:
    """optim_lib's path for a case: (steps + 1, n) flattened params."""
    from optim_lib import optimizers

    kwargs = dict(case["kwargs"])
    if isinstance(kwargs["lr"], dict):
        kwargs["lr"] = our_schedule(kwargs["lr"])
    opt = getattr(optimizers, case["optimizer"])(**kwargs)
    params = x0_of(case)
    state, path = opt.init(params), [_flat(params)]
    for _ in range(steps):
        params, state = opt.step(params, grad(params), state)
        path.append(_flat(params))
    return np.array(path)


def our_schedule(spec: dict) -> Any:
    """The optim_lib schedule described by spec."""
    from optim_lib import schedules

    args = {k: v for k, v in spec.items() if k != "schedule"}
    if spec["schedule"] == "sequential":
        args["schedules"] = [our_schedule(s) for s in spec["schedules"]]
    return getattr(schedules, spec["schedule"])(**args)


def torch_path(case: dict, steps: int = STEPS) -> np.ndarray:
    """torch.optim's path for a case, like `ours`."""
    import torch

    start = x0_of(case)
    leaves = start if isinstance(start, dict) else {"": start}
    tensors = {key: torch.tensor(value, dtype=torch.float64,
                                 requires_grad=True)
               for key, value in sorted(leaves.items())}
    kwargs = dict(case["kwargs"])
    spec = kwargs["lr"] if isinstance(kwargs["lr"], dict) else None
    if spec:
        kwargs["lr"] = _base_lr(spec)
    optimizer_class = getattr(torch.optim, TORCH_NAMES[case["optimizer"]])
    opt = optimizer_class(list(tensors.values()), **kwargs)
    scheduler = torch_scheduler(spec, opt) if spec else None

    def current() -> Any:
        values = {k: t.detach().numpy().copy() for k, t in tensors.items()}
        return values if isinstance(start, dict) else values[""]

    path = [_flat(current())]
    for _ in range(steps):
        g = grad(current())
        g = g if isinstance(start, dict) else {"": g}
        for key, tensor in tensors.items():
            tensor.grad = torch.from_numpy(np.array(g[key]))
        opt.step()
        if scheduler is not None:
            scheduler.step()
        path.append(_flat(current()))
    return np.array(path)


def _base_lr(spec: dict) -> float:
    if spec["schedule"] == "sequential":
        return _base_lr(spec["schedules"][0])
    return spec["lr"]


def torch_scheduler(spec: dict, opt: Any) -> Any:
    """torch.optim.lr_scheduler's scheduler for a schedule spec."""
    from torch.optim import lr_scheduler as lrs

    name, get = spec["schedule"], spec.get
    if name == "constant":
        return lrs.ConstantLR(opt, factor=1.0, total_iters=0)
    if name == "step_decay":
        return lrs.StepLR(opt, spec["step_size"], get("gamma", 0.1))
    if name == "exponential":
        return lrs.ExponentialLR(opt, spec["gamma"])
    if name == "cosine_annealing":
        return lrs.CosineAnnealingLR(opt, spec["T_max"], get("eta_min", 0))
    if name == "linear_warmup":
        return lrs.LinearLR(opt, get("start_factor", 1 / 3),
                            get("end_factor", 1.0), get("warmup_steps", 5))
    if name == "sequential":
        parts = [torch_scheduler(s, opt) for s in spec["schedules"]]
        return lrs.SequentialLR(opt, parts, spec["milestones"])
    raise ValueError(f"unknown schedule {name!r}")


def torch_schedule_values(spec: dict, steps: int = 60) -> list[float]:
    """The lr torch uses at steps 1..steps under the scheduler spec."""
    import torch

    param = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([param], lr=_base_lr(spec))
    scheduler = torch_scheduler(spec, opt)
    values = []
    for _ in range(steps):
        values.append(float(opt.param_groups[0]["lr"]))
        opt.step()
        scheduler.step()
    return values


def main() -> None:
    import torch

    reference = {
        "torch_version": torch.__version__,
        "steps": STEPS,
        "problem": "grad = A @ theta - c + 0.5 tanh(theta); see "
                   "tests/record_torch_reference.py",
        "cases": [{**case, "params": torch_path(case).tolist()}
                  for case in CASES],
        "schedules": [{"spec": spec, "lr": torch_schedule_values(spec)}
                      for spec in SCHEDULES],
    }
    FIXTURE.parent.mkdir(exist_ok=True)
    # One line per row of numbers: small, and readable in a diff.
    text = re.sub(r"\[\s+([^][{}]*?)\s+\]",
                  lambda m: "[" + " ".join(m.group(1).split()) + "]",
                  json.dumps(reference, indent=1))
    FIXTURE.write_text(text + "\n")
    print(f"wrote {len(CASES)} trajectories and {len(SCHEDULES)} "
          f"schedules to {FIXTURE}", file=sys.stderr)


if __name__ == "__main__":
    main()
