"""Questions for chapter 4, gradient descent."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "Gradient descent on f(a, b) = (3a + b − 7)², started at (0, 0) "
        "with a learning rate that converges, ends where?",
        ["At (2.1, 0.7), the answer nearest the start",
         "At a random point of the line 3a + b = 7",
         "At (0, 7)",
         "Nowhere: it keeps sliding along the floor"],
        answer=0,
        why="Every gradient is a multiple of (3, 1), so the walk stays on "
            "the line s·(3, 1), which meets the floor at s = 0.7. Since "
            "(3, 1) is the floor's normal, that is the minimum-norm "
            "answer.",
        wrong=[None,
               "Nothing is random: the gradient fixes the direction of "
               "every step.",
               "(0, 7) is not a multiple of (3, 1).",
               "Along the floor the gradient is zero: nothing moves "
               "there."]),
    Question(
        "On a quadratic with Hessian eigenvalues λᵢ, for which learning "
        "rates η does gradient descent converge?",
        ["0 < η < 2/λ_max", "0 < η < 1/λ_min", "0 < η < 2/λ_min",
         "Any η > 0"],
        answer=0,
        why="The error along eigenvalue λᵢ is multiplied by 1 − ηλᵢ per "
            "step; all factors have magnitude below one exactly when "
            "η < 2/λ_max.",
        wrong=[None,
               "The steepest direction, λ_max, sets the limit.",
               "With η between 2/λ_max and 2/λ_min the steep direction "
               "blows up.",
               "Beyond 2/λ_max the error grows at every step."]),
    Question(
        "With λ_max = 20 and η = 0.095, what happens to the residual r of "
        "the chapter's loss?",
        ["It shrinks by 0.9 per step, keeping its sign",
         "It flips sign at every step and shrinks only by a factor 0.9: "
         "a zigzag across the valley",
         "It grows: the run diverges",
         "It is zero after one step"],
        answer=1,
        why="r is multiplied by 1 − ηλ_max = 1 − 1.9 = −0.9: the walk jumps "
            "across the valley and lands almost as far on the other "
            "side.",
        wrong=["That is η = 0.005, where 1 − ηλ_max = +0.9.",
               None,
               "η = 0.095 is still below 2/λ_max = 0.1.",
               "That is η = 1/λ_max = 0.05."]),
    Question(
        "At its best fixed learning rate, gradient descent shrinks the "
        "error by (κ − 1)/(κ + 1) per step. If the condition number κ "
        "grows tenfold, the steps needed grow roughly how much?",
        ["Tenfold", "About √10 ≈ 3.2-fold", "Not at all", "Hundredfold"],
        answer=0,
        why="ln(1/ρ) ≈ 2/κ for large κ, so the step count "
            "ln(10⁶)/ln(1/ρ) grows in proportion to κ. Momentum, in "
            "chapter 6, turns κ into √κ.",
        wrong=[None,
               "That is momentum's dependence, √κ, in chapter 6.",
               "A more stretched bowl is slower.",
               "The count grows like κ, not κ²."]),
    Question(
        "What does the learning rate η = 1/λᵢ do to the error component "
        "along an eigenvector with eigenvalue λᵢ?",
        ["Removes it in one step",
         "Halves it every step",
         "Leaves it unchanged",
         "Doubles it"],
        answer=0,
        why="The component is multiplied by 1 − ηλᵢ = 0. With one curved "
            "direction, as in chapter 1's loss, that solves the problem "
            "in one step; with several it can only do so for one.",
        wrong=[None,
               "The factor is 1 − ηλᵢ = 0, not 1/2.",
               "That is η = 0.",
               "That would need 1 − ηλᵢ = 2, a negative η."]),
]
