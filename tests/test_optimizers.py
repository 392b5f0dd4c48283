"""Tests for optim_lib.optimizers: PyTorch's numbers, purity, bad input."""

import doctest
import inspect
import json

import numpy as np
import pytest

import record_torch_reference as reference
from optim_lib import _tree, optimizers, problems, schedules
from optim_lib.optimizers import SGD, AdaGrad, Adam, AdamW, RMSProp

REFERENCE = json.loads(reference.FIXTURE.read_text())
CASES = REFERENCE["cases"]
ALL = [SGD, AdaGrad, RMSProp, Adam, AdamW]
# One optimizer per class with every flag that adds state switched on.
FULL = [SGD(lr=0.1, momentum=0.9, weight_decay=0.1, nesterov=True),
        AdaGrad(lr=0.1, lr_decay=0.1, weight_decay=0.1,
                initial_accumulator_value=0.1),
        RMSProp(lr=0.01, centered=True, momentum=0.9, weight_decay=0.1),
        Adam(lr=0.1, weight_decay=0.1, amsgrad=True),
        AdamW(lr=0.1, amsgrad=True)]


def case_id(case: dict) -> str:
    kwargs = ",".join(f"{k}={v['schedule'] if isinstance(v, dict) else v}"
                      for k, v in case["kwargs"].items())
    layout = "dict" if case["dict_params"] else "array"
    return f"{case['optimizer']}({kwargs})-{layout}"


def relative_errors(got: np.ndarray, want: np.ndarray) -> np.ndarray:
    """‖got_k − want_k‖ / ‖want_k‖ for every step k."""
    return (np.linalg.norm(got - want, axis=1)
            / np.linalg.norm(want, axis=1))


# --- the same numbers as torch.optim -------------------------------------

@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_recorded_torch_trajectory(case):
    want = np.array(case["params"])
    got = reference.ours(case, steps=REFERENCE["steps"])
    assert want.shape[0] == REFERENCE["steps"] + 1 >= 51
    assert relative_errors(got, want).max() < 1e-10


def test_fixture_covers_every_optimizer_and_flag():
    seen = {(c["optimizer"], k) for c in CASES for k in c["kwargs"]}
    seen |= {(c["optimizer"], "dict") for c in CASES if c["dict_params"]}
    seen |= {(c["optimizer"], "schedule") for c in CASES
             if isinstance(c["kwargs"]["lr"], dict)}
    for cls in ALL:
        flags = set(inspect.signature(cls).parameters) | {"dict",
                                                          "schedule"}
        assert {(cls.__name__, flag) for flag in flags} <= seen


def test_every_flag_changes_the_recorded_path():
    # A flag that changed nothing would not be tested by its case.
    base = {}
    for case in CASES:
        path = np.array(case["params"])
        if case["dict_params"]:
            continue
        if case["optimizer"] not in base:
            base[case["optimizer"]] = path
        else:
            assert np.abs(path - base[case["optimizer"]]).max() > 1e-6


def test_adamw_without_decay_is_adam():
    adam, adamw = (reference.ours(reference._case(name, lr=0.05,
                                                  weight_decay=0))
                   for name in ("Adam", "AdamW"))
    np.testing.assert_array_equal(adam, adamw)


@pytest.mark.torch
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_live_torch(case):
    pytest.importorskip("torch", reason="the live comparison needs torch")
    want = reference.torch_path(case, steps=60)
    got = reference.ours(case, steps=60)
    assert relative_errors(got, want).max() < 1e-10


@pytest.mark.torch
@pytest.mark.parametrize("cls", ALL, ids=lambda cls: cls.__name__)
def test_arguments_named_and_defaulted_as_torch(cls):
    torch = pytest.importorskip("torch",
                                reason="the live comparison needs torch")
    torch_cls = getattr(torch.optim, reference.TORCH_NAMES[cls.__name__])
    ours = inspect.signature(cls).parameters
    theirs = inspect.signature(torch_cls).parameters
    for name, parameter in ours.items():
        assert parameter.default == theirs[name].default, name


def test_docstring_examples_run():
    assert doctest.testmod(optimizers).failed == 0


# --- equivalences and first steps -----------------------------------------

def test_momentum_zero_is_plain_sgd():
    problem = problems.Rosenbrock()
    plain, heavy = SGD(lr=1e-3), SGD(lr=1e-3, momentum=0.0)
    theta = np.array([-1.0, 2.0])
    a, b = theta, theta
    sa, sb = plain.init(a), heavy.init(b)
    for _ in range(30):
        expected = a - 1e-3 * problem.grad(a)
        a, sa = plain.step(a, problem.grad(a), sa)
        b, sb = heavy.step(b, problem.grad(b), sb)
        np.testing.assert_array_equal(a, expected)
    np.testing.assert_array_equal(a, b)
    assert sb.b is None


def test_exponential_average_momentum_is_torch_form_with_smaller_lr():
    # v_t = β v + (1 − β) g, θ −= η v   equals   SGD(η(1 − β), β).
    problem = problems.Quadratic([[1.0, 0.3], [0.3, 4.0]])
    lr, beta = 0.2, 0.8
    opt = SGD(lr=lr * (1 - beta), momentum=beta)
    theta = ours = np.array([2.0, -1.0])
    v, state = np.zeros(2), opt.init(ours)
    for _ in range(40):
        v = beta * v + (1 - beta) * problem.grad(theta)
        theta = theta - lr * v
        ours, state = opt.step(ours, problem.grad(ours), state)
        np.testing.assert_allclose(ours, theta, rtol=1e-12, atol=1e-14)


def test_first_momentum_step_copies_the_gradient_without_dampening():
    opt = SGD(lr=0.5, momentum=0.9, dampening=0.5)
    g = np.array([2.0, -4.0])
    params, state = opt.step(np.zeros(2), g, opt.init(np.zeros(2)))
    np.testing.assert_array_equal(state.b, g)
    np.testing.assert_array_equal(params, -0.5 * g)
    g2 = np.array([1.0, 1.0])
    params, state = opt.step(params, g2, state)
    np.testing.assert_allclose(state.b, 0.9 * g + 0.5 * g2)


def test_nesterov_step_looks_ahead_by_the_buffer():
    opt = SGD(lr=0.1, momentum=0.5, nesterov=True)
    g = np.array([1.0, -2.0])
    params, state = opt.step(np.ones(2), g, opt.init(np.ones(2)))
    np.testing.assert_allclose(params, 1 - 0.1 * (g + 0.5 * g))


@pytest.mark.parametrize("scale", [1e-6, 1e-3, 1.0, 1e3, 1e6])
def test_adam_first_step_is_about_lr_whatever_the_gradient_scale(scale):
    opt = Adam(lr=0.01, eps=1e-12)
    g = scale * np.array([1.0, -3.0, 0.5, 7.0])
    params, _ = opt.step(np.zeros(4), g, opt.init(np.zeros(4)))
    np.testing.assert_allclose(params, -0.01 * np.sign(g), rtol=1e-5)


def test_adamw_decays_params_before_the_adam_step():
    theta, g = np.array([2.0, -4.0]), np.array([0.5, 0.5])
    opt = AdamW(lr=0.1, weight_decay=0.5)
    params, _ = opt.step(theta, g, opt.init(theta))
    adam = Adam(lr=0.1)
    shrunk = theta * (1 - 0.1 * 0.5)
    expected, _ = adam.step(shrunk, g, adam.init(theta))
    np.testing.assert_allclose(params, expected, rtol=1e-15)


def test_adam_weight_decay_is_added_to_the_gradient():
    theta, g = np.array([2.0, -4.0]), np.array([0.5, 0.5])
    coupled = Adam(lr=0.1, weight_decay=0.5)
    params, _ = coupled.step(theta, g, coupled.init(theta))
    plain = Adam(lr=0.1)
    expected, _ = plain.step(theta, g + 0.5 * theta, plain.init(theta))
    np.testing.assert_array_equal(params, expected)


def test_amsgrad_divides_by_the_largest_second_moment():
    opt = Adam(lr=0.1, amsgrad=True)
    theta = np.zeros(1)
    state = opt.init(theta)
    for g in (10.0, 0.1, 0.1):
        before = theta
        theta, state = opt.step(theta, np.array([g]), state)
    assert state.v_max[0] == pytest.approx(0.001 * 10.0**2)
    assert state.v[0] < state.v_max[0]
    m_hat, v_hat = state.m / (1 - 0.9**3), state.v_max / (1 - 0.999**3)
    np.testing.assert_allclose(before - theta,
                               0.1 * m_hat / (np.sqrt(v_hat) + 1e-8))


def test_adagrad_first_step_and_lr_decay():
    opt = AdaGrad(lr=1.0, lr_decay=1.0, initial_accumulator_value=3.0,
                  eps=0.0)
    theta = np.zeros(2)
    state = opt.init(theta)
    np.testing.assert_array_equal(state.v, [3.0, 3.0])
    theta, state = opt.step(theta, np.array([1.0, 1.0]), state)
    np.testing.assert_allclose(theta, [-0.5, -0.5])  # 1 / √(3 + 1)
    theta, state = opt.step(theta, np.array([0.0, 3.0]), state)
    np.testing.assert_allclose(theta, [-0.5, -0.5 - 0.5 * 3 / np.sqrt(13)])


def test_rmsprop_first_step_is_lr_over_root_one_minus_alpha():
    opt = RMSProp(lr=0.01, alpha=0.99, eps=0.0)
    g = np.array([1e-3, -5.0])
    params, state = opt.step(np.zeros(2), g, opt.init(np.zeros(2)))
    np.testing.assert_allclose(params, -0.01 * np.sign(g) / np.sqrt(0.01))
    np.testing.assert_allclose(state.v, 0.01 * g**2)


def test_rmsprop_centered_divides_by_the_standard_deviation():
    opt = RMSProp(lr=1.0, alpha=0.5, eps=0.0, centered=True)
    theta, state = np.zeros(1), opt.init(np.zeros(1))
    theta, state = opt.step(theta, np.array([2.0]), state)
    theta, state = opt.step(theta, np.array([4.0]), state)
    v, g_avg = 0.5 * 0.5 * 4 + 0.5 * 16, 0.5 * 0.5 * 2 + 0.5 * 4
    np.testing.assert_allclose(state.g_avg, [g_avg])
    # Step 1: v = 2, ḡ = 1, so θ moves by 2 / √(2 − 1).
    np.testing.assert_allclose(theta, [-2.0 - 4 / np.sqrt(v - g_avg**2)])


def test_schedule_is_evaluated_at_the_state_step_count():
    lr = schedules.step_decay(0.5, step_size=1, gamma=0.5)
    opt = SGD(lr=lr)
    theta, state = np.zeros(1), opt.init(np.zeros(1))
    for t in range(4):
        before = theta
        theta, state = opt.step(theta, np.ones(1), state)
        np.testing.assert_allclose(before - theta, [0.5 * 0.5**t])
    assert state.t == 4 and opt.lr_at(2) == 0.125


# --- the interface: purity, dtypes, dicts, blocks -------------------------

def snapshot(tree):
    if isinstance(tree, tuple):
        return tuple(snapshot(field) for field in tree)
    if tree is None or isinstance(tree, int):
        return tree
    return _tree.map_leaves(np.copy, tree)


def arrays_in(tree):
    if isinstance(tree, tuple):
        return [a for field in tree for a in arrays_in(field)]
    if tree is None or isinstance(tree, int):
        return []
    return [a for _, a in _tree.leaves(tree)]


def assert_same(a, b):
    xs, ys = arrays_in(a), arrays_in(b)
    assert len(xs) == len(ys)
    for x, y in zip(xs, ys):
        np.testing.assert_array_equal(x, y, strict=True)


@pytest.mark.parametrize("opt", FULL, ids=repr)
@pytest.mark.parametrize("layout", ["array", "dict"])
def test_step_changes_none_of_its_inputs(opt, layout):
    rng = np.random.default_rng(0)
    params = rng.normal(size=(3, 4))
    if layout == "dict":
        params = {"w": params, "b": rng.normal(size=4)}
    state = opt.init(params)
    for _ in range(3):  # a state with non-zero moments
        grads = _tree.map_leaves(lambda p: rng.normal(size=p.shape),
                                 params)
        kept = snapshot((params, grads, state))
        new_params, new_state = opt.step(params, grads, state)
        assert_same((params, grads, state), kept)
        old = arrays_in((params, grads, state))
        new = arrays_in((new_params, new_state))
        assert len(new) == len(arrays_in((params, state)))
        for i, a in enumerate(new):
            assert not any(np.shares_memory(a, b) for b in old + new[:i])
        assert new_state.t == state.t + 1
        params, state = new_params, new_state


@pytest.mark.parametrize("opt", FULL, ids=repr)
def test_float32_stays_float32(opt):
    params = {"w": np.ones((2, 3), np.float32),
              "b": np.zeros(3, np.float32)}
    state = opt.init(params)
    for _ in range(3):
        grads = {"w": np.full((2, 3), 0.5), "b": np.ones(3, np.float32)}
        params, state = opt.step(params, grads, state)
    assert all(a.dtype == np.float32 for a in arrays_in((params, state)))


def test_float32_stays_float32_under_a_numpy_valued_schedule():
    opt = Adam(lr=lambda t: np.float64(0.1) * np.cos(0.1 * t))
    params = np.ones(3, np.float32)
    params, state = opt.step(params, np.ones(3, np.float32),
                             opt.init(params))
    assert params.dtype == state.m.dtype == np.float32


@pytest.mark.parametrize("opt", FULL, ids=repr)
def test_dict_params_step_each_layer_as_its_own_array(opt):
    rng = np.random.default_rng(1)
    params = {"w": rng.normal(size=(2, 3)), "b": rng.normal(size=3)}
    d_state = opt.init(params)
    a_states = {key: opt.init(value) for key, value in params.items()}
    a_params = dict(params)
    for _ in range(4):
        grads = {key: rng.normal(size=v.shape) for key, v in params.items()}
        params, d_state = opt.step(params, grads, d_state)
        for key in grads:
            a_params[key], a_states[key] = opt.step(
                a_params[key], grads[key], a_states[key])
    for key in params:
        np.testing.assert_array_equal(params[key], a_params[key])
        for field, value in zip(d_state, a_states[key]):
            if isinstance(field, dict):
                np.testing.assert_array_equal(field[key], value)


@pytest.mark.parametrize("opt", FULL, ids=repr)
def test_blocks_give_the_same_numbers_as_one_block(opt, monkeypatch):
    rng = np.random.default_rng(2)
    params = rng.normal(size=(7, 5)).T  # not C-contiguous
    grads = [rng.normal(size=(5, 7)) for _ in range(3)]

    def path():
        theta, state = params, opt.init(params)
        for g in grads:
            theta, state = opt.step(theta, g, state)
        return theta, state

    whole = path()
    monkeypatch.setattr(_tree, "BLOCK", 4)
    blocked = path()
    assert blocked[0].shape == (5, 7)
    assert_same(whole, blocked)


def test_scalar_and_empty_params():
    opt = Adam(lr=0.1)
    theta, state = opt.step(np.float64(1.0), 2.0, opt.init(1.0))
    assert theta.shape == () and abs(theta - 0.9) < 1e-6
    empty, _ = opt.step(np.zeros(0), np.zeros(0), opt.init(np.zeros(0)))
    assert empty.shape == (0,)


def test_state_fields_carry_the_chapter_symbols():
    assert SGD(momentum=0.9).init(np.zeros(2))._fields == ("t", "b")
    assert AdaGrad().init(np.zeros(2))._fields == ("t", "v")
    assert RMSProp().init(np.zeros(2))._fields == ("t", "v", "g_avg", "b")
    assert Adam().init(np.zeros(2))._fields == ("t", "m", "v", "v_max")
    assert AdamW().init(np.zeros(2))._fields == ("t", "m", "v", "v_max")


def test_repr_shows_the_arguments():
    assert repr(SGD(lr=0.1, momentum=0.9)) == (
        "SGD(lr=0.1, momentum=0.9, dampening=0, weight_decay=0, "
        "nesterov=False)")
    opt = Adam(lr=schedules.exponential(0.1, 0.5))
    assert repr(opt).startswith("Adam(lr=exponential(0.1, 0.5), betas=")


# --- bad input -------------------------------------------------------------

@pytest.mark.parametrize("make, name", [
    (lambda: SGD(lr=-0.1), "lr"),
    (lambda: AdaGrad(lr=-1), "lr"),
    (lambda: RMSProp(lr=-1e-3), "lr"),
    (lambda: Adam(lr=-1e-3), "lr"),
    (lambda: AdamW(lr=float("nan")), "lr"),
    (lambda: AdaGrad(eps=-1e-10), "eps"),
    (lambda: RMSProp(eps=-1e-8), "eps"),
    (lambda: Adam(eps=-1e-8), "eps"),
    (lambda: AdamW(eps=-1.0), "eps"),
    (lambda: Adam(betas=(1.0, 0.999)), r"betas\[0\]"),
    (lambda: Adam(betas=(-0.1, 0.999)), r"betas\[0\]"),
    (lambda: AdamW(betas=(0.9, 1.0)), r"betas\[1\]"),
    (lambda: Adam(betas=(0.9, 1.5)), r"betas\[1\]"),
    (lambda: Adam(betas=(0.9,)), "betas"),
    (lambda: SGD(momentum=-0.5), "momentum"),
    (lambda: RMSProp(momentum=-0.5), "momentum"),
    (lambda: SGD(lr=0.1, nesterov=True), "momentum"),
    (lambda: SGD(lr=0.1, momentum=0.9, dampening=0.1, nesterov=True),
     "dampening"),
    (lambda: RMSProp(alpha=-0.1), "alpha"),
    (lambda: RMSProp(alpha=1.01), "alpha"),
    (lambda: SGD(weight_decay=-1e-4), "weight_decay"),
    (lambda: AdaGrad(weight_decay=-1e-4), "weight_decay"),
    (lambda: RMSProp(weight_decay=-1e-4), "weight_decay"),
    (lambda: Adam(weight_decay=-1e-4), "weight_decay"),
    (lambda: AdamW(weight_decay=-1e-4), "weight_decay"),
    (lambda: AdaGrad(lr_decay=-0.1), "lr_decay"),
    (lambda: AdaGrad(initial_accumulator_value=-1.0),
     "initial_accumulator_value"),
    (lambda: SGD(lr=lambda t: -0.1), "lr"),
])
def test_bad_hyperparameters_raise_naming_the_argument(make, name):
    with pytest.raises(ValueError, match=rf"^{name} must be"):
        make()


def test_error_message_states_the_allowed_range_and_the_value():
    with pytest.raises(ValueError, match=r"betas\[1\] must be in \[0, 1\),"
                                         r" got 1\.0"):
        Adam(betas=(0.9, 1.0))


def test_edges_of_the_allowed_ranges_are_accepted():
    RMSProp(alpha=0.0), RMSProp(alpha=1.0), Adam(betas=(0.0, 0.0))
    SGD(lr=0.0, momentum=0.0, weight_decay=0.0), AdaGrad(eps=0.0)


def test_schedule_that_turns_negative_raises_at_that_step():
    opt = SGD(lr=lambda t: 0.1 - 0.05 * t)
    theta, state = np.zeros(2), opt.init(np.zeros(2))
    for _ in range(3):
        theta, state = opt.step(theta, np.ones(2), state)
    with pytest.raises(ValueError,
                       match=r"^lr must be >= 0.*-0\.05\d* at t=3"):
        opt.step(theta, np.ones(2), state)


@pytest.mark.parametrize("opt", FULL, ids=repr)
@pytest.mark.parametrize("params, grads, message", [
    (np.zeros(3), np.zeros(4), r"grads has shape \(4,\), but params"),
    (np.zeros((2, 3)), np.zeros((3, 2)), r"grads has shape \(3, 2\)"),
    ({"w": np.zeros(2)}, {"v": np.zeros(2)}, r"grads must have the keys"),
    ({"w": np.zeros(2)}, {"w": np.zeros(2), "b": np.zeros(1)},
     r"grads must have the keys"),
    ({"w": np.zeros(2)}, {"w": np.zeros(3)}, r"grads\['w'\] has shape"),
    ({"w": np.zeros(2)}, np.zeros(2), r"grads must be a dict"),
    (np.zeros(2), {"w": np.zeros(2)}, r"grads must be an array"),
    (np.zeros(2), np.array(["a", "b"]), r"grads must be numeric"),
])
def test_grads_unlike_params_raise(opt, params, grads, message):
    with pytest.raises(ValueError, match=message):
        opt.step(params, grads, opt.init(params))


@pytest.mark.parametrize("opt", FULL, ids=repr)
def test_integer_params_raise(opt):
    with pytest.raises(ValueError, match=r"params must hold floating"):
        opt.init(np.arange(3))
    with pytest.raises(ValueError, match=r"params\['w'\] must hold"):
        opt.init({"w": np.arange(3)})
    state = opt.init(np.zeros(3))
    with pytest.raises(ValueError, match=r"params must hold floating"):
        opt.step(np.arange(3), np.zeros(3), state)


@pytest.mark.parametrize("opt", FULL, ids=repr)
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_gradient_raises_naming_where(opt, bad, monkeypatch):
    monkeypatch.setattr(_tree, "BLOCK", 4)  # the bad value in block 2
    params = {"w": np.zeros((3, 4)), "b": np.zeros(2)}
    grads = {"w": np.ones((3, 4)), "b": np.ones(2)}
    grads["w"][1, 2] = bad
    with pytest.raises(ValueError,
                       match=rf"grads\['w'\] holds {bad} at index \(1, 2\)"):
        opt.step(params, grads, opt.init(params))


def test_huge_but_finite_gradient_passes():
    # The sum overflows; the exact check then finds nothing wrong.
    opt = SGD(lr=1e-300)
    params, _ = opt.step(np.zeros(2), np.array([1e308, 1e308]),
                         opt.init(np.zeros(2)))
    assert np.all(np.isfinite(params))


# --- gradient clipping -------------------------------------------------------

def test_clip_grad_norm_scales_to_max_norm_as_torch():
    grads = {"w": np.array([[3.0, 0.0]]), "b": np.array([4.0])}
    kept = snapshot(grads)
    clipped, norm = optimizers.clip_grad_norm(grads, 1.0)
    assert norm == 5.0
    scale = 1.0 / (5.0 + 1e-6)
    np.testing.assert_array_equal(clipped["w"], grads["w"] * scale)
    np.testing.assert_array_equal(clipped["b"], grads["b"] * scale)
    assert_same(grads, kept)


def test_clip_grad_norm_leaves_small_gradients_alone():
    g = np.array([0.3, 0.4])
    clipped, norm = optimizers.clip_grad_norm(g, 1.0)
    np.testing.assert_array_equal(clipped, g)
    assert norm == pytest.approx(0.5) and clipped is not g


@pytest.mark.parametrize("max_norm", [0.0, -1.0])
def test_clip_grad_norm_rejects_a_non_positive_max_norm(max_norm):
    with pytest.raises(ValueError, match="max_norm must be > 0"):
        optimizers.clip_grad_norm(np.ones(2), max_norm)


def test_clip_grad_norm_rejects_non_finite_gradients():
    with pytest.raises(ValueError, match="grads must be finite"):
        optimizers.clip_grad_norm(np.array([1.0, np.nan]), 1.0)


@pytest.mark.torch
def test_clip_grad_norm_matches_live_torch():
    torch = pytest.importorskip("torch",
                                reason="the live comparison needs torch")
    rng = np.random.default_rng(3)
    grads = {"w": rng.normal(size=(3, 4)), "b": rng.normal(size=4)}
    tensors = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True)
               for g in grads.values()]
    for tensor, g in zip(tensors, grads.values()):
        tensor.grad = torch.from_numpy(g.copy())
    norm = torch.nn.utils.clip_grad_norm_(tensors, 0.5)
    clipped, ours = optimizers.clip_grad_norm(grads, 0.5)
    assert ours == pytest.approx(float(norm), rel=1e-12)
    for tensor, key in zip(tensors, grads):
        np.testing.assert_allclose(clipped[key], tensor.grad.numpy(),
                                   rtol=1e-12)


# --- reusing memory: large arrays nobody holds any more --------------------

LARGE = _tree.BLOCK + 3  # large enough to be recycled, in two blocks


@pytest.mark.parametrize("opt", FULL, ids=repr)
def test_arrays_a_reader_keeps_are_never_reused(opt):
    rng = np.random.default_rng(5)
    params = {"w": rng.normal(size=LARGE), "b": rng.normal(size=3)}
    state = opt.init(params)
    kept, copies = [], []
    for step in range(6):
        grads = {"w": rng.normal(size=LARGE), "b": rng.normal(size=3)}
        params, state = opt.step(params, grads, state)
        if step % 2 == 0:  # keep every other step, in three ways
            kept.append((params, state.v if hasattr(state, "v") else
                         state.b, params["w"][5:9]))
            copies.append(snapshot(kept[-1]))
    for held, copy in zip(kept, copies):
        assert_same(held, copy)


def test_arrays_nobody_holds_are_reused_not_reallocated():
    import weakref

    opt = Adam(lr=0.1)
    params = np.zeros(LARGE)
    state = opt.init(params)
    params, state = opt.step(params, np.ones(LARGE), state)
    first = weakref.ref(state.m)
    returned = []
    for _ in range(3):
        params, state = opt.step(params, np.ones(LARGE), state)
        returned += [id(params), id(state.m), id(state.v)]
    assert first() is not None  # kept by the optimizer, not freed
    assert id(first()) in returned  # and given out again
    np.testing.assert_allclose(state.m, 0.1 * (1 + 0.9 + 0.81 + 0.729))


@pytest.mark.parametrize("opt", FULL, ids=repr)
def test_optimizers_copy_and_pickle(opt):
    import copy
    import pickle

    params = np.ones(LARGE)
    state = opt.init(params)
    for _ in range(3):
        params, state = opt.step(params, np.ones(LARGE), state)
    for twin in (copy.deepcopy(opt), pickle.loads(pickle.dumps(opt))):
        assert repr(twin) == repr(opt)
        ours, _ = twin.step(params, np.ones(LARGE), state)
        theirs, _ = opt.step(params, np.ones(LARGE), state)
        np.testing.assert_array_equal(ours, theirs)
