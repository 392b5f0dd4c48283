"""Questions for chapter 7, adaptive step sizes: AdaGrad and RMSProp."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "AdaGrad divides each coordinate's step by √v_t, where "
        "v_t = v_{t−1} + g_t² sums the squared gradients. What happens "
        "while the gradients stay large?",
        ["The effective step η/(√v_t + ε) only shrinks, like 1/√t, so "
         "travelling a distance D takes about D² steps",
         "The step grows without bound",
         "The step settles at η",
         "Each coordinate's step becomes the same as plain SGD's"],
        answer=0,
        why="v_t never forgets: with gradients of steady size G, "
            "v_t ≈ tG², and the distance travelled in T steps is only "
            "about 2η√T. RMSProp repairs this.",
        wrong=[None,
               "v_t grows, so the step, divided by √v_t, shrinks.",
               "Only an average of g², not a sum, can settle.",
               "The division by √v_t gives every coordinate its own "
               "step."]),
    Question(
        "What does RMSProp change in AdaGrad?",
        ["It replaces the sum by an exponential average "
         "v_t = α v_{t−1} + (1 − α) g_t², which forgets old gradients",
         "It adds a momentum buffer",
         "It divides by |g_t| instead of √v_t",
         "It corrects the bias of v_t as Adam does"],
        answer=0,
        why="With α = 0.99 the average covers about 100 recent steps, "
            "so the step size follows the current scale of the "
            "gradient instead of shrinking for ever.",
        wrong=[None,
               "`momentum` is optional in RMSProp (0 by default); the "
               "key change is the average.",
               "Dividing by the latest |g_t| alone would make every step "
               "±η, with no memory at all.",
               "RMSProp has no bias correction; that is one of Adam's "
               "additions."]),
    Question(
        "Two coordinates have steady gradients 100 and 0.01. After many "
        "RMSProp steps (ε negligible), how far does each move per step?",
        ["Both about η",
         "100η and 0.01η",
         "0.01η and 100η",
         "Neither moves"],
        answer=0,
        why="v_t settles at g², so the step is η·g/√(g²) = η in every "
            "coordinate: the gradient's scale cancels.",
        wrong=[None,
               "That is plain SGD, which multiplies the gradient by η.",
               "The division cancels the scale; it does not invert it.",
               "Both gradients are far above ε."]),
    Question(
        "RMSProp starts at v_0 = 0 with α = 0.99 and no bias "
        "correction. How large is its first step per coordinate?",
        ["η/√(1 − α) = 10η",
         "η",
         "η(1 − α)",
         "0"],
        answer=0,
        why="v_1 = (1 − α) g_1², so g_1/√v_1 = 1/√(1 − α) = 10. Adam's "
            "bias correction, in chapter 8, removes this leap.",
        wrong=[None,
               "That is Adam's first step, after bias correction.",
               "v_1 is small, and dividing by its root makes the step "
               "large, not small.",
               "g_1 is not zero, so the step is not zero."]),
    Question(
        "Where does PyTorch put ε in AdaGrad and RMSProp?",
        ["Outside the root: g/(√v + ε)",
         "Inside the root: g/√(v + ε)",
         "In the numerator: (g + ε)/√v",
         "Nowhere, ε only matters in Adam"],
        answer=0,
        why="PyTorch divides by √v_t + ε (ε = 10⁻¹⁰ for AdaGrad, 10⁻⁸ "
            "for RMSProp). The placement only matters when v_t is about "
            "as small as ε.",
        wrong=[None,
               "Some other libraries (TensorFlow's original "
               "RMSPropOptimizer) do that; PyTorch does not.",
               "ε keeps the division finite; it belongs with the "
               "denominator.",
               "Both methods have an `eps` argument."]),
]
