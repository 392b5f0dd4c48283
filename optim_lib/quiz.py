"""Check-your-understanding quizzes that work in Jupyter and on the website.

A chapter ends with a few multiple-choice questions. One definition gives
two forms:

- in Jupyter, `quiz(questions)` shows an ipywidgets box: for each
  question, radio buttons, a "Check" button, and feedback that says
  whether the chosen answer is right and why;
- on the static website, where no kernel runs, the same object also
  offers a plain HTML form (its `text/html` output): each question with
  its choices and a "Show answer" disclosure (`<details>`) that reveals
  the answer and the reason. The book's configuration tells MyST-NB to
  prefer that HTML over the widget view on the website.

Questions are plain text, so they read the same in a radio button, in
HTML and in a terminal: write the math in Unicode (θ, η, β₁, √v̂, g²),
and `code` in backquotes (shown as code in the HTML forms).

Example:
    >>> q = Question("Which way does a gradient step go?",
    ...              ["Uphill", "Downhill"], answer=1,
    ...              why="It subtracts η g_t, against the gradient.")
    >>> q.feedback(1)
    (True, 'Right. It subtracts η g_t, against the gradient.')
    >>> quiz([q])
    Quiz(1 question)
"""

import hashlib
import html
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import ipywidgets as widgets

__all__ = ["Question", "Quiz", "QuestionView", "display_order", "quiz",
           "static_html"]

RIGHT = "Right."
WRONG = "Not quite."
TRY_AGAIN = "Try another answer."
NO_CHOICE = "Choose an answer first, then press Check."
WAITING = "Choose an answer and press Check."
LETTERS = "ABCDEFGH"

_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Question:
    """One multiple-choice question with its answer and the reason.

    Attributes:
        prompt: the question, plain text (Unicode math, `code`).
        choices: two to eight possible answers.
        answer: the index of the right choice in `choices`.
        why: why the right answer is right; shown once it is found.
        wrong: optional, one entry per choice: why that choice is wrong
            (None for the right one, and for a choice with no comment).

    Raises:
        ValueError: for a blank prompt or reason, fewer than two or more
            than eight choices, an answer index out of range, or `wrong`
            of another length than `choices` or with a comment on the
            right answer.
    """

    prompt: str
    choices: Sequence[str]
    answer: int
    why: str
    wrong: Sequence[str | None] | None = field(default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "choices", tuple(self.choices))
        if self.wrong is not None:
            object.__setattr__(self, "wrong", tuple(self.wrong))
        _check_question(self)

    def feedback(self, choice: int | None) -> tuple[bool, str]:
        """Whether `choice` (an index, or None) is right, and what to say.

        Returns:
            (True, "Right. " + why) for the right choice; otherwise
            False and a message: why that choice is wrong, if known, and
            an invitation to try again; or a request to choose first.
        """
        if choice is None:
            return False, NO_CHOICE
        if not 0 <= choice < len(self.choices):
            raise ValueError(f"choice must be an index from 0 to "
                             f"{len(self.choices) - 1}, got {choice!r}")
        if choice == self.answer:
            return True, f"{RIGHT} {self.why}"
        comment = self.wrong[choice] if self.wrong else None
        parts = [WRONG, comment, TRY_AGAIN]
        return False, " ".join(part for part in parts if part)


def _check_question(q: Question) -> None:
    """Raise ValueError naming the first malformed field of `q`."""
    if not q.prompt.strip():
        raise ValueError("prompt must be a non-blank question")
    if not 2 <= len(q.choices) <= len(LETTERS):
        raise ValueError(f"choices must hold 2 to {len(LETTERS)} answers, "
                         f"got {len(q.choices)}")
    if any(not str(choice).strip() for choice in q.choices):
        raise ValueError("choices must not be blank")
    if not (isinstance(q.answer, int) and 0 <= q.answer < len(q.choices)):
        raise ValueError(f"answer must be an index from 0 to "
                         f"{len(q.choices) - 1}, got {q.answer!r}")
    if not q.why.strip():
        raise ValueError("why must explain the answer, got blank text")
    if q.wrong is not None and len(q.wrong) != len(q.choices):
        raise ValueError(f"wrong must have one entry per choice "
                         f"({len(q.choices)}), got {len(q.wrong)}")
    if q.wrong is not None and q.wrong[q.answer] is not None:
        raise ValueError(f"wrong[{q.answer}] must be None: it belongs to "
                         f"the right answer")


def display_order(q: Question) -> list[int]:
    """The order in which the choices of `q` are shown, as indices.

    Question files list the right answer wherever is convenient; shown
    in that order, readers would learn where the answer sits rather than
    what it is. The order is a shuffle seeded by the prompt, so it stays
    the same from run to run and between the website and Jupyter.
    """
    seed = hashlib.sha256(q.prompt.encode()).digest()
    order = list(range(len(q.choices)))
    random.Random(seed).shuffle(order)
    return order


def _inline(text: str) -> str:
    """Escape plain text for HTML and show `code` as <code>."""
    return _CODE.sub(r"<code>\1</code>", html.escape(text, quote=False))


def _question_html(number: int, q: Question) -> str:
    """The static form of one question: choices and a hidden answer."""
    order = display_order(q)
    items = "\n".join(f"<li>{_inline(q.choices[i])}</li>" for i in order)
    letter = LETTERS[order.index(q.answer)]
    return (
        f'<div class="quiz-question" style="margin-bottom: 1.5em">\n'
        f"<p><strong>Question {number}.</strong> {_inline(q.prompt)}</p>\n"
        f'<ol type="A">\n{items}\n</ol>\n'
        f"<details>\n<summary>Show the answer to question {number}"
        f"</summary>\n"
        f"<p><strong>{letter}: {_inline(q.choices[q.answer])}</strong> "
        f"{_inline(q.why)}</p>\n</details>\n</div>")


def static_html(questions: Sequence[Question]) -> str:
    """The quiz as HTML that needs no kernel and no script.

    Each answer sits in a `<details>` element, which browsers open and
    close from the keyboard and announce to screen readers. The output
    depends on the questions only (no random ids), so that saved
    notebooks compare equal from run to run.
    """
    body = "\n".join(_question_html(i, q)
                     for i, q in enumerate(questions, start=1))
    return f'<div class="quiz">\n{body}\n</div>'


class QuestionView(widgets.VBox):
    """The widget for one question: prompt, choices, Check, feedback.

    Attributes:
        question: the `Question` shown.
        choices: the radio buttons, in `display_order`; their `value` is
            the index of the chosen answer in `question.choices`.
        button: the "Check" button; `button.click()` checks.
        feedback: an HTML widget with the verdict and the reason.
        correct: whether the last check found the right answer.
    """

    def __init__(self, number: int, question: Question) -> None:
        self.question = question
        self.correct = False
        prompt = widgets.HTML(f"<p><strong>Question {number}.</strong> "
                              f"{_inline(question.prompt)}</p>")
        self.choices = widgets.RadioButtons(
            options=[(f"{LETTERS[position]}. {question.choices[i]}", i)
                     for position, i in enumerate(display_order(question))],
            value=None, description=f"Answer {number}:",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"))
        self.button = widgets.Button(
            description="Check", tooltip=f"Check your answer to question "
                                         f"{number}")
        self.feedback = widgets.HTML(f"<p>{WAITING}</p>")
        self.button.on_click(self.check)
        super().__init__([prompt, self.choices, self.button, self.feedback])

    def check(self, _button: widgets.Button | None = None) -> None:
        """Judge the chosen answer and show the verdict."""
        self.correct, message = self.question.feedback(self.choices.value)
        mark = "\u2714 " if self.correct else "\u2718 "
        if self.choices.value is None:
            mark = ""
        self.feedback.value = f"<p>{mark}{_inline(message)}</p>"


class Quiz(widgets.VBox):
    """A column of questions; in a notebook a widget, on a page HTML.

    Attributes:
        questions: the `Question`s, in order.
        views: one `QuestionView` per question.
    """

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = tuple(questions)
        self.views = [QuestionView(i, q)
                      for i, q in enumerate(self.questions, start=1)]
        super().__init__(self.views)

    def html(self) -> str:
        """The static form, as `static_html` makes it."""
        return static_html(self.questions)

    def _repr_mimebundle_(self, **kwargs) -> dict:
        # The widget view for Jupyter, plus the static form, which the
        # website (and any viewer without a kernel) shows instead.
        data = super()._repr_mimebundle_(**kwargs) or {}
        data["text/html"] = self.html()
        data["text/plain"] = repr(self)
        return data

    def __repr__(self) -> str:
        n = len(self.questions)
        return f"Quiz({n} question{'s' if n != 1 else ''})"


def quiz(questions: Sequence[Question]) -> Quiz:
    """Build a quiz from questions.

    Args:
        questions: one or more `Question`s.

    Returns:
        A `Quiz`: in Jupyter, radio buttons with a Check button per
        question; on the website, the questions with hidden answers.

    Raises:
        ValueError: if there are no questions, or an item is not a
            `Question`.

    Example:
        >>> q = Question("2 + 2?", ["3", "4"], answer=1, why="Count.")
        >>> box = quiz([q])
        >>> box.views[0].choices.value = 0
        >>> box.views[0].button.click()
        >>> box.views[0].correct
        False
    """
    questions = list(questions)
    if not questions:
        raise ValueError("questions must hold at least one Question")
    for i, q in enumerate(questions):
        if not isinstance(q, Question):
            raise ValueError(f"questions[{i}] must be a Question, got "
                             f"{type(q).__name__}")
    return Quiz(questions)
