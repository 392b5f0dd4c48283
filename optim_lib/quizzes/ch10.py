"""Questions for chapter 10, training a network.

Written from `optim_lib.nn` before the chapter's text was final:
compare with the chapter once it is written.
"""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "Why not start a network with all weights equal to zero?",
        ["All hidden units would compute the same thing and receive the "
         "same gradient, so they would stay identical for ever",
         "The loss is not defined at zero",
         "The optimizers reject zero parameters",
         "The gradient is infinite at zero"],
        answer=0,
        why="Random initial weights break this symmetry. Their scale "
            "matters too: √(2/fan_in) (He) keeps the signals of a ReLU "
            "network from shrinking or growing layer by layer.",
        wrong=[None,
               "Softmax cross-entropy is defined for any scores, zero "
               "included.",
               "Any finite values are valid parameters.",
               "At zero the gradient is finite; the trouble is that it "
               "is the same for every hidden unit."]),
    Question(
        "The training loss keeps falling while the test loss has started "
        "to rise. What is happening?",
        ["Overfitting: the network learns the training examples rather "
         "than what generalises",
         "The learning rate is too small",
         "The gradient has a bug",
         "Training has diverged"],
        answer=0,
        why="The test set is only evaluated, never trained on, so it "
            "shows what the network does on new data. Stopping earlier "
            "or weight decay help.",
        wrong=[None,
               "A small learning rate slows both curves; it does not "
               "make them part.",
               "With a wrong gradient the training loss would not keep "
               "falling.",
               "A diverged run has a NaN or exploding training loss."]),
    Question(
        "How many extra numbers does Adam store for a network with P "
        "parameters, compared with plain SGD?",
        ["2P: m_t and v_t, one of each per parameter",
         "P",
         "None",
         "P²"],
        answer=0,
        why="Adam keeps two averages per parameter (three with "
            "AMSGrad); SGD with momentum keeps one buffer; plain SGD "
            "keeps none.",
        wrong=[None,
               "That is SGD with momentum, or RMSProp.",
               "That is plain SGD.",
               "The state is per parameter, never a matrix over pairs of "
               "parameters."]),
    Question(
        "After a few steps the loss becomes NaN. What is the first thing "
        "to try?",
        ["Lower the learning rate, or clip the gradient's norm",
         "Raise the learning rate",
         "Train for more epochs",
         "Use a smaller test set"],
        answer=0,
        why="A loss that blows up is the divergence of chapter 4, found "
            "by experiment. Clipping caps a rare huge gradient without "
            "changing its direction.",
        wrong=[None,
               "That makes divergence more likely.",
               "Once the loss is NaN, more steps cannot help.",
               "The test set is never trained on; it cannot cause "
               "divergence."]),
]
