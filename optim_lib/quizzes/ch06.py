"""Questions for chapter 6, momentum and Nesterov's method."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "PyTorch's momentum keeps a buffer b_t = μ b_{t−1} + g_t and "
        "steps θ_t = θ_{t−1} − η b_t. Written without the buffer, one "
        "step is:",
        ["A gradient step plus μ times the previous step",
         "A gradient step with the learning rate μη",
         "The average of the last two gradients",
         "A gradient step taken at the previous point"],
        answer=0,
        why="Since η b_{t−1} = θ_{t−2} − θ_{t−1}: θ_t = θ_{t−1} − η g_t "
            "+ μ(θ_{t−1} − θ_{t−2}), Polyak's heavy ball.",
        wrong=[None,
               "The buffer adds memory of past steps; it does not just "
               "rescale the gradient.",
               "The buffer sums all past gradients, with weights μᵏ.",
               "The gradient g_t is taken at θ_{t−1}, the current "
               "point."]),
    Question(
        "On a quadratic, the heavy ball's error along one eigenvalue λᵢ "
        "shrinks by the larger root of z² − (1 + μ − ηλᵢ)z + μ = 0. Why "
        "can its rate never beat √μ?",
        ["The roots multiply to μ, so the larger has modulus at least "
         "√μ",
         "The roots add up to μ",
         "Momentum only works for μ < 0.5",
         "The learning rate is capped at √μ"],
        answer=0,
        why="z₁z₂ = μ, so max(|z₁|, |z₂|)² ≥ μ. Too much momentum "
            "raises this floor: the ball keeps swinging.",
        wrong=[None,
               "Their sum is 1 + μ − ηλᵢ; their product is μ.",
               "Any 0 ≤ μ < 1 can converge.",
               "The floor is on the rate, not on η."]),
    Question(
        "With its best η and μ on a quadratic of condition number κ, "
        "the heavy ball needs a number of steps that grows like:",
        ["√κ", "κ", "κ²", "log κ"],
        answer=0,
        why="Its rate is (√κ − 1)/(√κ + 1) against gradient descent's "
            "(κ − 1)/(κ + 1): at κ = 100 the heavy ball's rate equals "
            "gradient descent's at κ = 10.",
        wrong=[None,
               "That is gradient descent at its best learning rate.",
               "Neither method is that slow.",
               "No gradient method gets rid of the κ dependence that "
               "far."]),
    Question(
        "For which η does the heavy ball converge on a quadratic, with "
        "0 ≤ μ < 1?",
        ["0 < ηλᵢ < 2(1 + μ) for every eigenvalue λᵢ",
         "0 < ηλᵢ < 2 for every eigenvalue λᵢ, as for gradient descent",
         "0 < ηλᵢ < 2μ",
         "Any η > 0"],
        answer=0,
        why="Both roots lie inside the unit circle exactly then: "
            "momentum allows learning rates up to twice gradient "
            "descent's bound.",
        wrong=[None,
               "That is the case μ = 0; momentum widens it.",
               "At μ = 0 that would allow no learning rate at all.",
               "Beyond 2(1 + μ)/λ_max a root leaves the unit circle."]),
    Question(
        "In PyTorch's form you raise `momentum` from 0.9 to 0.99 and "
        "keep `lr`. With a steady gradient, what happens to the step?",
        ["It becomes about 10 times longer",
         "It stays the same",
         "It becomes 10 times shorter",
         "It becomes 1.1 times longer"],
        answer=0,
        why="The buffer settles at g/(1 − μ), so the step is η/(1 − μ) "
            "times g: 10η·g at μ = 0.9, 100η·g at μ = 0.99. Retune "
            "`lr` when you change `momentum`; in the average form μ "
            "only sets the memory.",
        wrong=[None,
               "That is the exponential-average form; PyTorch's buffer "
               "sums gradients.",
               "The buffer grows with μ.",
               "The factor is 1/(1 − μ), which goes from 10 to 100."]),
]
