"""Questions for chapter 1, one equation with many answers."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "How many pairs (a, b) solve the single equation 3a + b = 7?",
        ["Exactly one",
         "Two",
         "Infinitely many: for every slope a, the intercept b = 7 − 3a",
         "None"],
        answer=2,
        why="One equation pins down one number, and there are two "
            "unknowns: pick any a, then b = 7 − 3a. In the (a, b) plane "
            "the answers form a line, the floor of the valley.",
        wrong=["One equation cannot fix two unknowns: (2, 1) and (0, 7) "
               "both work.",
               "There is no reason to stop at two: (1, 4) works too.",
               None,
               "(2, 1) gives 3·2 + 1 = 7."]),
    Question(
        "The Hessian of f(a, b) = (3a + b − 7)² has the eigenvalues 0 "
        "and 20. What does the eigenvalue 0 say?",
        ["The loss is zero everywhere",
         "Along one direction, the valley floor, the loss does not curve "
         "at all, so the minimum is a whole line, not a point",
         "The point (0, 0) is a maximum",
         "Gradient descent cannot be used on this loss"],
        answer=1,
        why="An eigenvalue is the curvature along its eigenvector. Zero "
            "curvature along the floor means the loss stays flat there: "
            "every point of the floor is a minimum.",
        wrong=["The loss is 49 at (0, 0); only the floor has loss zero.",
               None,
               "The other eigenvalue is 20 > 0: the loss curves upward "
               "across the floor, there is no maximum.",
               "A flat direction makes the minimum non-unique; it does "
               "not stop anyone from walking downhill."]),
    Question(
        "Why does the book square the residual r = ax + b − y rather "
        "than take |r|?",
        ["Squaring is faster to compute",
         "|r| could be negative",
         "The squared loss is smooth: its gradient 2r·(x, 1) exists "
         "everywhere and shrinks as the error shrinks",
         "Squaring changes which (a, b) are answers"],
        answer=2,
        why="A method that follows the slope needs a slope everywhere, "
            "and one that gets small near the answer, so that the steps "
            "get small where precision matters. |r| has a kink on the "
            "floor and the same slope size everywhere else.",
        wrong=["Speed is not the point; both are one operation.",
               "|r| is never negative.",
               None,
               "r² = 0 exactly when |r| = 0: the answers are the same."]),
    Question(
        "A second observation, x₂ = 5 with y₂ = 11, is added to (3, 7). "
        "What does the summed loss look like now?",
        ["Still a valley with a flat floor",
         "A bowl with a single lowest point, at (a, b) = (2, 1)",
         "A landscape with no minimum",
         "Two separate minima, one per data point"],
        answer=1,
        why="The two valleys' floors cross at an angle, and the sum "
            "curves in every direction: both Hessian eigenvalues are "
            "positive. Elimination gives a = (11 − 7)/(5 − 3) = 2 and "
            "b = 7 − 3·2 = 1.",
        wrong=["The second floor crosses the first: only their crossing "
               "has loss zero.",
               None,
               "The loss is zero at the crossing point (2, 1).",
               "The loss is a sum of two valleys; it has one lowest "
               "point, where both floors meet."]),
    Question(
        "Among all answers of 3a + b = 7, which one has the smallest "
        "a² + b²?",
        ["(2.1, 0.7)", "(0, 7)", "(7/3, 0)", "(2, 1)"],
        answer=0,
        why="The nearest point of the line to the origin lies along the "
            "normal (x, 1) = (3, 1): θ = y·(x, 1)/(x² + 1) = 7·(3, 1)/10. "
            "It is the minimum-norm answer, the one gradient descent "
            "finds from (0, 0) in chapter 4.",
        wrong=[None,
               "0² + 7² = 49, far more than 2.1² + 0.7² = 4.9.",
               "(7/3)² ≈ 5.4, more than 4.9.",
               "2² + 1² = 5, just above 2.1² + 0.7² = 4.9."]),
]
