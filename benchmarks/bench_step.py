"""Time one optimizer step of optim_lib against torch.optim, on one thread.

    python benchmarks/bench_step.py [--size 4000000] [--repeats 41]

Run it with a Python that has torch (`pip install torch==2.13.0`);
without torch it times optim_lib alone and says so. For SGD with
momentum and for Adam on `size` float64 parameters it prints the median
time of one step of: torch.optim (in place, as PyTorch works), optim_lib
(pure: new arrays, inputs unchanged), optim_lib without its check for
NaN and infinite gradients, optim_lib without reusing dropped arrays,
and a naive pure numpy version written as whole-array expressions; the
ratios to torch; and the page faults per step (fresh memory pages the
kernel had to fill with zeros).

The steps are timed in turn (torch, optim_lib, naive, ...) so that a
busy machine slows all of them alike; the medians of many repeats are
still noisy by 10-20% on a shared machine. This is a benchmark to read,
not a test.
"""

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"  # before numpy and torch are imported

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from optim_lib import _tree, optimizers  # noqa: E402

try:
    import torch
except ImportError:
    torch = None
try:
    import resource
except ImportError:  # not on Windows
    resource = None

LR, MOMENTUM = 1e-3, 0.9
CHECK = _tree.all_finite


def ours(opt, params, grads, check=True, reuse=True):
    """A step function that keeps optim_lib's (params, state) going.

    check=False times the step without its test for NaN and infinite
    gradients, reuse=False without reusing the memory of arrays that
    nobody holds any more (see optim_lib._tree.Recycler), to show what
    each costs or saves.
    """
    if not reuse:
        opt._arrays = _tree.Recycler(generations=0)
    box = [params, opt.init(params)]
    test = _tree.all_finite if check else (lambda g: True)

    def step():
        _tree.all_finite = test
        box[0], box[1] = opt.step(box[0], grads, box[1])
        _tree.all_finite = CHECK
    return step


def naive_sgd(params, grads):
    """SGD with momentum as plain whole-array numpy expressions."""
    box = [params, grads.copy()]

    def step():
        b = MOMENTUM * box[1] + grads
        box[0], box[1] = box[0] - LR * b, b
    return step


def naive_adam(params, grads):
    """Adam as plain whole-array numpy expressions."""
    box = [params, np.zeros_like(params), np.zeros_like(params), 0]

    def step():
        theta, m, v, t = box
        t += 1
        m = 0.9 * m + 0.1 * grads
        v = 0.999 * v + 0.001 * grads * grads
        m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
        box[:] = theta - LR * m_hat / (np.sqrt(v_hat) + 1e-8), m, v, t
    return step


def torch_step(name, params, grads):
    """torch.optim's step on one float64 tensor, in place."""
    theta = torch.tensor(params, requires_grad=True)
    theta.grad = torch.tensor(grads)
    if name == "SGD":
        opt = torch.optim.SGD([theta], lr=LR, momentum=MOMENTUM)
    else:
        opt = torch.optim.Adam([theta], lr=LR)
    return opt.step


def page_faults():
    """Minor page faults so far: each is a fresh page the kernel zeroed."""
    if resource is None:
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def median_times(steps, repeats):
    """Median seconds per call of each step, timed in turn; and the
    mean number of page faults per call."""
    for step in steps.values():  # warm up: first steps allocate state
        step(), step()
    times = {name: [] for name in steps}
    faults = dict.fromkeys(steps, 0)
    for _ in range(repeats):
        for name, step in steps.items():
            before, start = page_faults(), time.perf_counter()
            step()
            times[name].append(time.perf_counter() - start)
            faults[name] += page_faults() - before
    return ({name: statistics.median(ts) for name, ts in times.items()},
            {name: count / repeats for name, count in faults.items()})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=4_000_000)
    parser.add_argument("--repeats", type=int, default=41)
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    params = rng.standard_normal(args.size)
    grads = rng.standard_normal(args.size)
    if torch is None:
        print("torch is not installed: timing optim_lib alone "
              "(pip install torch==2.13.0 to compare)")
    else:
        torch.set_num_threads(1)
    print(f"{args.size:,} float64 parameters, one thread, median of "
          f"{args.repeats} steps; numpy {np.__version__}"
          + (f", torch {torch.__version__}" if torch else ""))

    setups = {
        "SGD": (lambda: optimizers.SGD(lr=LR, momentum=MOMENTUM), naive_sgd),
        "Adam": (lambda: optimizers.Adam(lr=LR), naive_adam),
    }
    for name, (make, naive) in setups.items():
        steps = {"optim_lib": ours(make(), params, grads),
                 "  no check": ours(make(), params, grads, check=False),
                 "  no reuse": ours(make(), params, grads, reuse=False),
                 "naive numpy": naive(params, grads)}
        if torch is not None:
            steps["torch.optim"] = torch_step(name, params, grads)
        report(name, *median_times(steps, args.repeats))


def report(name, times, faults):
    label = "SGD with momentum" if name == "SGD" else name
    print(f"\n{label}: one step")
    base = times.get("torch.optim")
    for who, seconds in times.items():
        ratio = f"  {seconds / base:4.2f}x torch" if base else ""
        print(f"  {who:12s} {seconds * 1e3:7.2f} ms{ratio}  "
              f"({faults[who]:.0f} page faults)")
    share = 1 - times["  no check"] / times["optim_lib"]
    print(f"  the NaN/inf check on grads costs {share:.0%} of optim_lib's "
          f"step")


if __name__ == "__main__":
    main()
