"""Questions for chapter 12, what optimizers cannot do."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "On the double well f(θ) = θ⁴ − 3θ² + θ, SGD with momentum "
        "reaches the deeper valley from more starting points than "
        "gradient descent with the same η. Why?",
        ["Starts far up the right wall gather enough speed to roll over "
         "the hump; momentum does not look for the deeper valley, it "
         "overshoots by luck of the geometry",
         "Its buffer of past gradients tells it where the deeper valley "
         "lies",
         "Momentum adds noise to the path, which shakes it out of the "
         "shallow valley",
         "Momentum escapes every local minimum, from any start"],
        answer=0,
        why="A gradient method goes downhill from where it starts and "
            "ends in the basin that holds the start. No first-order "
            "method can know that a deeper valley exists elsewhere; in "
            "practice one trains from several random starts and keeps "
            "the best on validation data.",
        wrong=[None,
               "Past gradients describe the slope already walked, not "
               "valleys elsewhere.",
               "The runs are deterministic: there is no noise, only the "
               "speed gathered on the way down.",
               "Starts near the shallow minimum end there with momentum "
               "too."]),
    Question(
        "Gradient descent on the saddle f(θ) = θ₁² − θ₂² starts exactly "
        "on the θ₁ axis (δ = 0). What happens?",
        ["It walks into the saddle and stays: the gradient never has a "
         "θ₂ component. Momentum and Adam stay too; minibatch noise is "
         "what pushes a real run off such a ridge",
         "It escapes, only later: the escape time grows like log(1/δ)",
         "Momentum escapes, because its buffer accumulates the push "
         "along θ₂",
         "Adam escapes, because its steps do not shrink with the "
         "gradient"],
        answer=0,
        why="From δ > 0, θ₂ grows by a factor 1 + 2η per step, so the "
            "escape takes steps in proportion to log(1/δ); at δ = 0 "
            "there is nothing to grow. A plateau costs time the same "
            "way: small gradients, small steps.",
        wrong=[None,
               "log(1/δ) is infinite at δ = 0: the formula says it never "
               "escapes.",
               "At δ = 0 there is no push along θ₂ to accumulate: g_t "
               "has θ₂ component zero at every step.",
               "With g_t = 0 along θ₂, Adam's m̂_t is zero there too, "
               "and so is its step."]),
    Question(
        "On a bowl with condition number κ = λ_max/λ_min, gradient "
        "descent needs steps in proportion to κ and tuned momentum in "
        "proportion to √κ, while Newton's step θ_t − H⁻¹g_t lands on "
        "the minimum in one. Why is Newton's method not used to train "
        "networks?",
        ["For n parameters H has n² entries and solving with it costs "
         "about n³ operations; and away from a minimum a network's H is "
         "not positive definite, so the step can head for saddles and "
         "maxima",
         "It needs more steps than gradient descent once κ is large",
         "A network's loss has no second derivatives",
         "Adam's per-coordinate scaling already does the same, for the "
         "price of a gradient"],
        answer=0,
        why="Even the small digit network has thousands of weights, so "
            "H has millions of entries; a model with a billion weights "
            "is out of the question. L-BFGS, K-FAC and Shampoo "
            "approximate the curvature cheaply instead.",
        wrong=[None,
               "On a bowl Newton needs one step whatever κ: that is its "
               "strength.",
               "The second derivatives exist wherever the loss is "
               "smooth; H is just too large to form and solve with.",
               "Adam is a diagonal stand-in: it can stretch the "
               "coordinate axes, not undo a curvature whose steep and "
               "flat directions are rotated away from them."]),
    Question(
        "The digit network starts with every weight equal to the same "
        "non-zero number and the biases at zero. What happens in "
        "training, with SGD or with Adam?",
        ["Every hidden unit computes the same thing and gets the same "
         "gradient, so the units stay copies of one another: in effect "
         "one hidden unit. Only random initial weights break the tie",
         "Adam breaks the symmetry, since it scales every coordinate "
         "by its own √v̂_t",
         "It sits on a plateau for a few epochs, then learns as from "
         "random weights",
         "Nothing learns at all, not even the biases"],
        answer=0,
        why="No optimizer can break this symmetry, because it acts on "
            "gradients that are identical across the units. Tiny random "
            "weights do break it, but give tiny gradients, and SGD sits "
            "on a plateau at ln 10 before it learns.",
        wrong=[None,
               "Identical units get identical gradients, so their v̂_t "
               "are identical too, and so are their steps.",
               "That is the story of tiny random weights with SGD; "
               "equal weights never become different.",
               "Gradients do reach the weights and biases, but equally "
               "for every hidden unit; what is lost is the units' "
               "variety, not all learning."]),
    Question(
        "A wide network is trained on 100 images, 20 of them with wrong "
        "labels. It ends up fitting every training label, while its "
        "test accuracy falls after an early best epoch. What would an "
        "optimizer that lowers the training loss faster change?",
        ["Nothing for the better: it would fit the wrong labels sooner. "
         "The remedies act on the problem: more or cleaner data, a "
         "smaller or regularised model, early stopping on validation "
         "data",
         "It would find a lower minimum and so a better test accuracy",
         "It would skip the wrong labels, which contradict the others",
         "It would prevent overfitting, since it needs fewer epochs"],
        answer=0,
        why="The optimizer minimises the training loss and does exactly "
            "its job; the training loss is not what we care about. How "
            "minibatch noise and the choice among a network's many "
            "minima affect generalisation is still an open question.",
        wrong=[None,
               "A lower training loss here means memorising the wrong "
               "labels too, which hurts on new images.",
               "The loss rewards fitting every label, the wrong ones "
               "included; the optimizer cannot tell them apart.",
               "Fewer epochs to the same memorised state do not help; "
               "stopping at the best epoch on validation data does."]),
]
