"""Questions for chapter 2, guessing and why it does not scale."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "Each random draw lands in the good region with probability p. "
        "About how many draws does random search need, in the median?",
        ["1/p²", "ln 2 / p", "p · ln 2", "It does not depend on p"],
        answer=1,
        why="The number of draws until the first success is geometric: "
            "P(N > k) = (1 − p)ᵏ, which falls to one half near "
            "k = ln 2 / p.",
        wrong=["The mean is 1/p, and the median is a bit smaller.",
               None,
               "That gets smaller as p shrinks: rarer success would be "
               "cheaper.",
               "Everything hinges on p, the share of the box that is "
               "good enough."]),
    Question(
        "Why does the cost of random search explode as the number of "
        "parameters d grows?",
        ["Each loss evaluation takes longer",
         "The good region's share of the box shrinks exponentially, "
         "like (r/2)ᵈ, so the median cost ln 2 / p grows exponentially",
         "Random numbers in many dimensions are not uniform",
         "The box becomes smaller"],
        answer=1,
        why="A ball of radius r < 1 fills a fraction about Vd (r/2)ᵈ of "
            "the box [−1, 1]ᵈ: every extra parameter divides the chance "
            "of a lucky draw by roughly 2/r.",
        wrong=["The chapter counts loss evaluations, not time; the "
               "number of evaluations explodes.",
               None,
               "The draws are uniform; it is the target that becomes a "
               "vanishing share of the box.",
               "The box [−1, 1]ᵈ grows in volume, while the good ball "
               "shrinks relative to it."]),
    Question(
        "What does one gradient by central differences cost, counted in "
        "loss evaluations, for d parameters?",
        ["1", "2", "2d", "d²"],
        answer=2,
        why="Each partial derivative needs f(θ + h eᵢ) and "
            "f(θ − h eᵢ): two evaluations per coordinate. An analytic "
            "gradient, by backpropagation, costs a small constant "
            "instead.",
        wrong=["One evaluation gives the loss, not its slope.",
               "Two evaluations give the slope along one direction only.",
               None,
               "Each coordinate needs two evaluations, not d."]),
    Question(
        "A loss depends on only one of two hyperparameters. A 5 × 5 grid "
        "and 25 random guesses each cost 25 evaluations. How many "
        "different values of the parameter that matters does each try?",
        ["Grid 5, random 25", "Grid 25, random 25", "Grid 25, random 5",
         "Grid 5, random 5"],
        answer=0,
        why="The grid repeats its 5 values once for each value of the "
            "useless parameter; every random guess brings a new value. "
            "This is why random search beats grid search for "
            "hyperparameters.",
        wrong=[None,
               "The grid has only 5 distinct values per axis.",
               "It is the other way round.",
               "Random guesses almost surely differ in every coordinate."]),
    Question(
        "Where is guessing still the right tool?",
        ["Fitting the weights of a large network",
         "Tuning a few hyperparameters, where each evaluation is a "
         "whole training run and no gradient exists",
         "Minimising a smooth quadratic bowl",
         "Nowhere"],
        answer=1,
        why="With few dimensions the exponential cost stays small, "
            "guesses need no gradient, and they run in parallel.",
        wrong=["Millions of parameters make the good region vanishingly "
               "small: guessing is hopeless there.",
               None,
               "A smooth bowl has a gradient that points the way; "
               "guessing wastes it.",
               "It is the standard tool for hyperparameters."]),
]
