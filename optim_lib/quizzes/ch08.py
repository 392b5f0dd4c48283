"""Questions for chapter 8, Adam and AdamW."""

from optim_lib.quiz import Question

QUESTIONS = [
    Question(
        "How far does Adam's first step move a coordinate whose gradient "
        "g_1 is much larger than ε?",
        ["About η, whatever the size of g_1",
         "η·g_1, as in SGD",
         "η/ε",
         "Nothing, because m_0 = 0"],
        answer=0,
        why="After bias correction m̂_1 = g_1 and v̂_1 = g_1², so the "
            "step is η·g_1/(|g_1| + ε) ≈ η·sign(g_1). The learning rate "
            "is a distance, not a multiplier of the gradient.",
        wrong=[None,
               "Adam divides by √v̂_1 = |g_1|, which cancels the size.",
               "That happens only when |g| is far below ε, where Adam "
               "turns into SGD with learning rate η/ε.",
               "m_1 = (1 − β₁) g_1 is not zero, and the correction "
               "scales it back to g_1."]),
    Question(
        "Without bias correction, with the default betas, the first "
        "steps of Adam are:",
        ["Too large: v_1 is 1000 times too small, so √v_1 is about 32 "
         "times too small, while m_1 is only 10 times too small",
         "Too small, because m_1 = 0.1·g_1",
         "Exactly η",
         "Zero"],
        answer=0,
        why="m_1/√v_1 = (1 − β₁)/√(1 − β₂) = 0.1/√0.001 ≈ 3.2: "
            "the uncorrected step starts more than three times too "
            "large, and can make training diverge.",
        wrong=[None,
               "m_1 is small, but the denominator √v_1 is smaller "
               "still, relative to its target.",
               "That is what the correction achieves.",
               "Both m_1 and v_1 are non-zero after one gradient."]),
    Question(
        "How does `weight_decay` in torch.optim.Adam differ from AdamW's?",
        ["Adam adds λθ to the gradient, so the pull is divided by √v̂ "
         "and parameters with large gradients are barely regularised; "
         "AdamW shrinks every parameter by 1 − ηλ",
         "They are the same",
         "AdamW applies no decay by default",
         "Adam's decay is stronger for parameters with large gradients"],
        answer=0,
        why="For plain SGD the L2 penalty and weight decay coincide; "
            "Adam's division by √v̂ separates them. AdamW decouples the "
            "decay from the gradient.",
        wrong=[None,
               "They coincide only for plain SGD.",
               "AdamW's default weight_decay is 0.01.",
               "It is the other way round: the pull is divided by a "
               "large √v̂ there."]),
    Question(
        "The loss is multiplied by 1000. What happens to Adam's path "
        "(with ε = 0)?",
        ["Nothing: m_t and √v_t both grow 1000-fold",
         "The steps become 1000 times longer",
         "The steps become 1000 times shorter",
         "Adam diverges"],
        answer=0,
        why="The ratio m̂_t/√v̂_t has no units. SGD and momentum, by "
            "contrast, step 1000 times farther.",
        wrong=[None,
               "That is SGD; Adam divides the scale out.",
               "The scale cancels, it is not inverted.",
               "SGD diverges here; Adam's path does not change."]),
    Question(
        "What does AMSGrad change in Adam?",
        ["It divides by the largest v_t seen so far, so the denominator "
         "can never shrink",
         "It adds Nesterov momentum",
         "It removes the bias correction",
         "It decays the learning rate like 1/√t"],
        answer=0,
        why="Reddi et al. built problems where a rare large gradient is "
            "forgotten too fast and Adam drifts the wrong way; keeping "
            "the maximum fixes that. PyTorch leaves amsgrad=False by "
            "default.",
        wrong=[None,
               "That is NAdam, another variant.",
               "PyTorch's AMSGrad keeps the bias correction.",
               "The chapter used such a schedule in the example, but "
               "AMSGrad itself only changes the denominator."]),
]
