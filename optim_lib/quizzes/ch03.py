"""Questions for chapter 3, derivatives and gradients."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "How does the truncation error of a finite difference shrink "
        "with the step h?",
        ["Forward like h, central like h²",
         "Both like h",
         "Forward like h², central like h",
         "Both are exact for every h"],
        answer=0,
        why="In Taylor's formula the central difference's h² terms "
            "cancel, leaving (h²/6)·φ‴; the forward difference keeps "
            "(h/2)·φ″.",
        wrong=[None,
               "Stepping both ways cancels the h term of the central "
               "difference.",
               "It is the other way round.",
               "Only for special functions: the central difference is "
               "exact on a parabola, where φ‴ = 0."]),
    Question(
        "Why does making h ever smaller stop improving a numerical "
        "derivative?",
        ["Rounding: f is stored with a relative error near 10⁻¹⁶, and "
         "dividing the difference by h magnifies it like ε|f|/h",
         "The Taylor series stops converging",
         "numpy refuses steps below 10⁻⁸",
         "The truncation error grows as h shrinks"],
        answer=0,
        why="Truncation wants h small, rounding wants it large; the best "
            "step balances the two. That is why numerical_gradient uses "
            "central differences with h = 10⁻⁶.",
        wrong=[None,
               "Taylor's formula only gets better as h shrinks.",
               "numpy computes with any h; the answer just gets worse.",
               "Truncation error shrinks with h; another error grows."]),
    Question(
        "At θ the gradient is ∇f(θ). Along which unit direction u does "
        "the loss fall fastest?",
        ["Along ∇f(θ)",
         "Opposite to ∇f(θ), u = −∇f/‖∇f‖",
         "At right angles to ∇f(θ)",
         "Straight toward the minimum, whatever the gradient says"],
        answer=1,
        why="The slope along u is ∇fᵀu = ‖∇f‖ cos α, most negative at "
            "α = π. Gradient descent walks that way.",
        wrong=["That is the direction of steepest ascent.",
               None,
               "At right angles the slope is zero: that direction runs "
               "along the contour line.",
               "On a tilted bowl the gradient does not point at the "
               "centre: steepest is not the same as straight to the "
               "bottom."]),
    Question(
        "A gradient that forgets the factor 2 passes the gradient check "
        "at (a, b) = (2, 1), on the valley floor. What do you conclude?",
        ["The gradient is correct",
         "Nothing: on the floor r = 0, so the right and the buggy "
         "gradient are both zero; check at random points",
         "The gradient check is broken",
         "The check must be run in float32"],
        answer=1,
        why="Minima, the origin and symmetric points can hide a bug "
            "behind a zero. At a random point the same bug scores a "
            "relative error of 1/2.",
        wrong=["The factor 2 is missing; the check simply could not see "
               "it there.",
               None,
               "The check compared two zeros correctly; the point was "
               "badly chosen.",
               "float32 makes differences less accurate; checks belong "
               "in float64."]),
    Question(
        "Why do optimizers use analytic gradients rather than numerical "
        "ones?",
        ["Numerical gradients are wrong",
         "A numerical gradient costs 2d loss evaluations, an analytic "
         "one a small constant whatever d is",
         "Analytic gradients need no loss",
         "Numerical gradients only work in two dimensions"],
        answer=1,
        why="For a network with millions of parameters, 2d evaluations "
            "per step is out of the question; numerical gradients "
            "serve to check the analytic ones.",
        wrong=["With a good h they are accurate to many digits.",
               None,
               "Backpropagation computes the loss on the way.",
               "numerical_gradient works for any number of parameters, "
               "at a price."]),
]
