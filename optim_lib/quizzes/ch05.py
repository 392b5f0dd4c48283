"""Questions for chapter 5, stochastic gradient descent."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "What is a minibatch gradient g_B, drawn uniformly at random, on "
        "average?",
        ["Exactly the full gradient ∇f, so it is unbiased",
         "Smaller than ∇f, by the factor |B|/n",
         "Equal to ∇f at every single draw",
         "Biased toward zero"],
        answer=0,
        why="Each term has expected value (1/n) Σᵢ ∇fᵢ = ∇f, so the "
            "average of |B| of them does too. It is wrong at every step "
            "but right on average.",
        wrong=[None,
               "g_B averages over the batch, just as ∇f averages over "
               "all points: the scale is the same.",
               "Each draw differs from ∇f; only the average agrees.",
               "Its expected value is exactly ∇f."]),
    Question(
        "The batch size |B| is multiplied by 4. What happens to the "
        "spread (standard deviation) of the minibatch gradient?",
        ["It halves", "It falls fourfold", "It stays the same",
         "It doubles"],
        answer=0,
        why="The covariance is Σ/|B|, so the variance falls fourfold and "
            "the standard deviation, its square root, halves.",
        wrong=[None,
               "That is the variance; the width is its square root.",
               "Averaging more points cancels more noise.",
               "More points make the estimate less noisy, not more."]),
    Question(
        "What does SGD with a constant learning rate do near the "
        "minimum?",
        ["It converges exactly to θ*",
         "It hovers at a noise floor, an excess loss about "
         "η tr(Σ*)/(4|B|)",
         "It always diverges",
         "It stops moving, since the full gradient is zero there"],
        answer=1,
        why="At θ* the per-point gradients do not vanish, so each "
            "minibatch still pushes. Halving η or doubling |B| halves "
            "the floor; a decaying learning rate gets below it.",
        wrong=["The minibatch gradient is not zero at θ*, so SGD cannot "
               "stay there.",
               None,
               "For small η it stays near θ*, just not at it.",
               "SGD never sees the full gradient, only a minibatch's."]),
    Question(
        "An epoch over n = 10 points with batch size 3 (the last batch "
        "kept) has how many minibatch steps?",
        ["3", "4, the last holding one point", "10", "30"],
        answer=1,
        why="An epoch uses each point exactly once: batches of 3, 3, 3 "
            "and the 1 point left over.",
        wrong=["That drops the leftover point.",
               None,
               "That is batch size 1.",
               "An epoch is one pass over the data, not n · |B|."]),
    Question(
        "Which learning-rate schedules let SGD converge despite the "
        "noise, by Robbins and Monro?",
        ["Σ η_t = ∞ and Σ η_t² < ∞, such as η_t = η₀/(1 + t/t₀)",
         "A constant η",
         "η_t = η₀/2ᵗ, halving every step",
         "A growing η_t"],
        answer=0,
        why="The rates must shrink slowly enough to go anywhere "
            "(their sum is infinite) yet fast enough to silence the "
            "noise (the sum of squares is finite).",
        wrong=[None,
               "A constant η leaves SGD at its noise floor.",
               "Σ η_t is then finite: the steps die out before the "
               "walk arrives.",
               "A growing rate raises the noise floor and can diverge."]),
]
