"""Questions for chapter 11, the modern recipe."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "Adam trains the digit network with the same peak rate η, once "
        "constant and once with warmup and cosine decay. Compared with "
        "the constant rate, what did the decaying schedule do?",
        ["It ended with a higher training loss and a slightly lower "
         "test loss; the change in test accuracy was about as large as "
         "the difference between two seeds",
         "It reached a much lower training loss, because its small late "
         "steps settle near the floor of the valley",
         "It made the first epochs faster, because the warmup starts "
         "above the peak rate",
         "It changed nothing: both runs follow the same curve"],
        answer=0,
        why="A constant η keeps taking large steps to the end and drives "
            "the training loss lowest; the small late steps of a decaying "
            "η_t settle the weights instead of pushing on into memorising "
            "the training images. Schedules earn their reputation on long "
            "runs of large networks; a short run on a small problem is "
            "too easy to show it.",
        wrong=[None,
               "The small late steps settle the weights, but the constant "
               "rate, with its large steps to the end, got the training "
               "loss lower.",
               "A warmup starts below the peak, at a fraction s of η, and "
               "rises to it.",
               "The training and test losses of the two runs end apart, "
               "in opposite directions."]),
    Question(
        "Why does a warmup start with a small learning rate and raise it "
        "over the first W steps?",
        ["The first gradients of a fresh network can be large and "
         "unrepresentative, and Adam's v̂_t rests on only a few of them: "
         "small first steps keep a bad start from doing lasting damage",
         "To lower the noise of minibatch gradients at the end of "
         "training",
         "Because bias correction makes Adam's first steps too small, "
         "and the warmup makes up for it",
         "To save steps: a warmup shortens training"],
        answer=0,
        why="A warmup is about the start, a decay about the end. Its "
            "effect is largest where early gradients are large or "
            "misleading: deep networks, transformers, large batches.",
        wrong=[None,
               "That is the job of the decay that follows the warmup: "
               "small steps late in training.",
               "Bias correction makes the first averages the right size; "
               "a warmup deliberately makes the first steps smaller.",
               "A warmup adds small steps at the start; it does not "
               "shorten anything."]),
    Question(
        "Gradients are clipped by their global norm at a threshold c. "
        "Which statement matches the chapter?",
        ["When ‖g_t‖ > c, every layer's gradient is multiplied by the "
         "same factor c/‖g_t‖, so the direction is kept; it insures "
         "against rare huge gradients and does not fix a wrong learning "
         "rate",
         "Every entry of g_t larger than c is set to c",
         "Each layer's gradient is scaled to norm c on its own, which "
         "keeps the direction of the whole gradient",
         "It rescued SGD with momentum μ = 0.9 at a learning rate ten "
         "times too large, and helped Adam too"],
        answer=0,
        why="The norm is taken over all layers together and one factor "
            "scales them all. A softmax cross-entropy cannot produce "
            "exploding gradients (the gradient at the logits is "
            "(P − Y)/n), so here clipping had little to insure: it only "
            "partly helped momentum at too large a rate and hurt Adam, "
            "whose step hardly depends on the gradient's length.",
        wrong=[None,
               "That is clipping by value: it changes the direction of "
               "g_t.",
               "Clipping each layer by its own norm changes the "
               "direction, giving layers with small gradients relatively "
               "more weight.",
               "Momentum improved only partly, still far from a good "
               "run, and clipping cost Adam accuracy."]),
    Question(
        "Adam with an L2 penalty and AdamW both shrink the weights. Why "
        "is AdamW's λ easier to choose?",
        ["AdamW shrinks every weight by the same fraction η_t·λ per "
         "step; the L2 pull λθ is divided by √v̂_t, so its effect "
         "depends on each weight's gradient history",
         "AdamW gives a clearly better test accuracy, so its λ needs no "
         "tuning",
         "Under Adam an L2 penalty does not make the weights smaller",
         "AdamW divides λθ by √v̂_t, which puts every weight on the same "
         "scale"],
        answer=0,
        why="With decoupled decay, ηλ is a plain rate: a weight that "
            "gets no gradient halves in about ln 2/(ηλ) steps. The same "
            "L2 strength is a strong pull on weights with small gradients "
            "and a weak one on weights with large gradients.",
        wrong=[None,
               "On this small, short problem neither form of decay "
               "improved the test accuracy.",
               "Both forms made ‖W₁‖ smaller; they differ in how the "
               "strength acts.",
               "It is the other way round: the L2 pull is divided by "
               "√v̂_t; AdamW's decay is not."]),
    Question(
        "A range test raises η_t by a constant factor at every step and "
        "records the loss of each batch. Which rate does it suggest "
        "starting from?",
        ["One somewhat below where the smoothed loss turns up, where it "
         "still falls steeply: the steepest fall, or a tenth of the rate "
         "at the lowest loss",
         "The rate at the lowest loss",
         "The largest rate before the loss turns NaN",
         "The smallest rates, where the loss stays flat"],
        answer=0,
        why="One short run shows the flat part, the steep fall and the "
            "explosion. The loss while the rate grows is not the loss a "
            "fixed rate would give, so the answer is a starting point "
            "within a factor of a few, not a tuned value.",
        wrong=[None,
               "At the lowest point the loss is about to explode; the "
               "rule of thumb takes a tenth of that rate.",
               "Long before NaN the loss has turned up: those rates are "
               "far too large.",
               "There the rate is too small for anything to happen."]),
]
