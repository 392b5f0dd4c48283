"""Questions for chapter 10, training a network."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "A freshly initialised digit classifier (10 classes) gives every "
        "class about the same small score. Near what value should its "
        "cross-entropy loss start?",
        ["ln 10 ≈ 2.303", "0", "10", "1/10"],
        answer=0,
        why="Equal scores give every class probability 1/10, and the "
            "loss is −ln(1/10) = ln 10. A start far above it (20, or "
            "NaN) points to a bug or to large, confidently wrong "
            "initial scores.",
        wrong=[None,
               "Loss 0 means probability one on the right label: a "
               "perfect network, not a random one.",
               "The loss is a minus log-probability, not a count of "
               "classes.",
               "1/10 is the probability of each class; the loss is "
               "minus its logarithm."]),
    Question(
        "Backpropagation computes the gradient with respect to all 4,810 "
        "weights. What does it cost?",
        ["About two forward passes, whatever the number of parameters",
         "Two forward passes per parameter, almost ten thousand",
         "One forward pass per layer and per parameter",
         "Nothing: it reuses the loss"],
        answer=0,
        why="The chain rule, organised from the logits back, takes one "
            "matrix product per layer as large as the forward pass, so "
            "no work is repeated. Central differences would need two "
            "forward passes per parameter; they serve to check it.",
        wrong=[None,
               "That is the cost of a gradient by central differences.",
               "Each layer's gradient takes one sweep back, shared by "
               "all its parameters.",
               "The backward sweep costs about as much as the forward "
               "one."]),
    Question(
        "Before a long run, the network is trained on 20 images and "
        "reaches a training loss near zero. What does that show?",
        ["That the model, the loss and the optimizer wiring work; not "
         "that the network will classify new images well",
         "That the network is a good classifier",
         "That the learning rate is right for the full data",
         "Nothing: any network fits 20 images, broken or not"],
        answer=0,
        why="A network with thousands of parameters must be able to "
            "memorise 20 images; if it cannot, something is broken. The "
            "same network gets far fewer test images right than one "
            "trained on all the data.",
        wrong=[None,
               "Memorising 20 images says little about new ones.",
               "Full-batch steps on 20 images are a different problem "
               "from minibatches on all the data.",
               "A bug in the gradient, the loss or the wiring keeps the "
               "loss from falling: that is what the check catches."]),
    Question(
        "Six optimizers train the same network. Every test loss stays "
        "above its training loss, and the gap is widest for the run "
        "whose training loss ends lowest. What follows?",
        ["The network is memorising its training images: a much lower "
         "training loss buys a much smaller gain on the test loss, so "
         "an optimizer that drives the training loss lower need not "
         "give a better classifier",
         "The learning rate is too small",
         "The gradient has a bug",
         "Training has diverged"],
        answer=0,
        why="An optimizer controls the training loss. The test set is "
            "never trained on; how well the network does there also "
            "depends on the data, the model and luck.",
        wrong=[None,
               "A small learning rate slows both curves; it does not "
               "open a gap between them.",
               "With a wrong gradient the training loss would not fall "
               "so far.",
               "A diverged run has a NaN or exploding training loss."]),
    Question(
        "Every optimizer is trained at learning rates from 10⁻⁴ to 10. "
        "What does the sweep show?",
        ["The learning rate matters more than the optimizer, and the good "
         "rates of SGD and of Adam differ by a factor of about a hundred",
         "Adam works well at any learning rate",
         "SGD and Adam share the same best learning rate",
         "The choice of optimizer matters more than the learning rate"],
        answer=0,
        why="Any optimizer at a bad rate is far worse than any at a good "
            "one. Adam's η is about a distance per weight, SGD's a "
            "multiplier of a small gradient, so a rate carried from one "
            "to the other is off by two decades.",
        wrong=[None,
               "Adam succeeds at only some rates of the grid; its "
               "reputation comes from a default rate that suits many "
               "networks.",
               "Their best rates differ by about a hundred.",
               "At their best rates all six reach similar losses."]),
]
