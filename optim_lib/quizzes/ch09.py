"""Questions for chapter 9, the head-to-head race."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "Why does each contender get its own best learning rate from the "
        "same log-spaced grid, instead of one shared η?",
        ["η means different things (a multiplier of the gradient for "
         "SGD, about a distance per step for Adam), so one shared η "
         "would measure the choice of η, not the method",
         "A shared η would make every optimizer diverge",
         "PyTorch requires it",
         "It makes the race shorter"],
        answer=0,
        why="A race is easy to rig: give one method a rate that suits it "
            "and another a poor one. Same start, target and budget, and "
            "the same tuning for each, keep it fair.",
        wrong=[None,
               "Some would do well and some badly, which is exactly why "
               "one η is unfair.",
               "torch.optim takes any lr; fairness is our choice.",
               "Tuning makes the race longer; it is worth it."]),
    Question(
        "The race runs all 21 learning rates at once, as one optimizer "
        "with rate 1 on φ = θ/η. Which setting would break this trick?",
        ["Weight decay, whose pull λθ is not built from the gradients",
         "Momentum",
         "Adam's bias correction",
         "AdaGrad's sum of squared gradients"],
        answer=0,
        why="The trick needs θ_t = θ_{t−1} − η d_t with a direction d_t "
            "built from the gradients alone. A decay term proportional "
            "to θ changes its share of the step with η.",
        wrong=[None,
               "The buffer b_t sums gradients only: no η inside.",
               "m̂_t/(√v̂_t + ε) is built from gradients alone.",
               "The sum of g² contains no η."]),
    Question(
        "Nesterov beats Adam on the rotated bowl (κ = 100). Why can't "
        "Adam's per-coordinate scaling help there?",
        ["The stretch lies across the coordinates, so each coordinate "
         "mixes the steep and the flat direction",
         "Adam's learning rate was not tuned",
         "The bowl has no minimum",
         "Adam cannot handle two dimensions"],
        answer=0,
        why="A step size per coordinate can undo a stretch along the "
            "axes only; a rotated valley would need the full curvature "
            "matrix. Momentum's gain does not depend on the axes.",
        wrong=[None,
               "Every contender got its best rate from the same grid.",
               "The bowl's minimum is at its centre.",
               "Adam handles any number of coordinates; the direction of "
               "the stretch is what matters."]),
    Question(
        "On the saddle θ₁² − θ₂², started δ off the ridge, how do the "
        "steps SGD needs to escape grow as δ shrinks?",
        ["Like ln(1/δ): each step multiplies θ₂ by 1 + 2η, while Adam's "
         "count does not grow",
         "Like 1/δ",
         "Not at all, for every optimizer",
         "SGD never escapes, whatever δ > 0 is"],
        answer=0,
        why="SGD's escaping step is proportional to the distance from "
            "the ridge; Adam's first step is about η whatever the "
            "gradient. Exactly on the ridge no gradient method leaves; "
            "minibatch noise supplies the push.",
        wrong=[None,
               "The distance grows geometrically, so the count grows "
               "with the logarithm of 1/δ.",
               "Adam's count stays the same; SGD's grows.",
               "Any δ > 0 grows by the factor 1 + 2η per step; only "
               "δ = 0 is stuck."]),
    Question(
        "Nesterov wins the bowl, momentum the valley and Adam the "
        "plateaus. What does the race teach?",
        ["No optimizer wins everywhere: compare on the same budget, tune "
         "each learning rate on a log scale, and look at where each "
         "loses",
         "Nesterov is the best optimizer",
         "Adam is always best, since it won the most surfaces",
         "Rankings on toy problems are meaningless"],
        answer=0,
        why="Each loss has a mechanism that was measured: SGD crawls "
            "where gradients are small, AdaGrad's steps shrink, RMSProp "
            "hovers without a first moment, Adam cannot undo a rotated "
            "stretch.",
        wrong=[None,
               "Nesterov is slower than momentum in the curved valley.",
               "Adam did not win the bowl or the valley.",
               "The toys make the mechanisms visible, and those carry "
               "over even where the rankings do not."]),
]
