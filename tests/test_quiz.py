"""Tests for optim_lib.quiz and the chapters' questions in quizzes/."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from myst_nb.core.render import get_mime_priority

from optim_lib import quiz, quizzes
from optim_lib.quiz import Question

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def make_questions() -> list[Question]:
    return [
        Question("Which way does gradient descent step?",
                 ["Uphill", "Downhill", "Sideways"], answer=1,
                 why="It subtracts η g_t.",
                 wrong=["That is the gradient's own direction.", None,
                        None]),
        Question("Is `lr` a distance for Adam?", ["Yes", "No"], answer=0,
                 why="The first step moves each coordinate by about η."),
        Question("2 < 3 & 3 > 2?", ["True", "False"], answer=0,
                 why="Both <hold>."),
    ]


class TagChecker(HTMLParser):
    """Records tags, checks that every opened tag is closed in order."""

    VOID = {"br", "hr", "img", "input", "meta", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.summaries: list[str] = []
        self._in_summary = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)
        self._in_summary = tag == "summary"
        if self._in_summary:
            self.summaries.append("")

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()
        self._in_summary = False

    def handle_data(self, data):
        if self._in_summary:
            self.summaries[-1] += data


def parse(html: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(html)
    checker.close()
    assert checker.stack == [], "unclosed tags"
    return checker


# Question ------------------------------------------------------------

def test_feedback_right_says_right_and_why():
    q = make_questions()[0]
    assert q.feedback(1) == (True, "Right. It subtracts η g_t.")


def test_feedback_wrong_gives_the_choice_specific_reason():
    right, message = make_questions()[0].feedback(0)
    assert not right
    assert message.startswith(quiz.WRONG)
    assert "That is the gradient's own direction." in message
    assert quiz.TRY_AGAIN in message


def test_feedback_wrong_without_comment_still_says_wrong():
    right, message = make_questions()[0].feedback(2)
    assert not right
    assert message == f"{quiz.WRONG} {quiz.TRY_AGAIN}"


def test_feedback_without_a_choice_asks_for_one():
    assert make_questions()[0].feedback(None) == (False, quiz.NO_CHOICE)


def test_feedback_rejects_an_index_out_of_range():
    with pytest.raises(ValueError, match="choice"):
        make_questions()[0].feedback(3)


@pytest.mark.parametrize("kwargs, name", [
    (dict(prompt=" "), "prompt"),
    (dict(choices=["only one"]), "choices"),
    (dict(choices=["a", ""]), "choices"),
    (dict(answer=2), "answer"),
    (dict(answer=-1), "answer"),
    (dict(why=""), "why"),
    (dict(wrong=["x"]), "wrong"),
    (dict(wrong=["right?", None]), "wrong"),
])
def test_question_rejects_malformed_fields(kwargs, name):
    fields = dict(prompt="Q?", choices=["a", "b"], answer=0, why="W.")
    fields.update(kwargs)
    with pytest.raises(ValueError, match=name):
        Question(**fields)


def test_question_stores_choices_as_a_tuple():
    q = Question("Q?", ["a", "b"], answer=0, why="W.")
    assert q.choices == ("a", "b")


# The widget ------------------------------------------------------------

def test_selecting_the_right_answer_and_clicking_says_right():
    box = quiz.quiz(make_questions())
    view = box.views[0]
    view.choices.value = 1
    view.button.click()
    assert view.correct
    assert "Right." in view.feedback.value
    assert "It subtracts η g_t." in view.feedback.value


def test_selecting_a_wrong_answer_and_clicking_says_why_not():
    box = quiz.quiz(make_questions())
    view = box.views[0]
    view.choices.value = 0
    view.button.click()
    assert not view.correct
    assert "Not quite." in view.feedback.value
    assert "gradient's own direction" in view.feedback.value


def test_changing_to_the_right_answer_after_a_wrong_one():
    view = quiz.quiz(make_questions()).views[0]
    view.choices.value = 2
    view.button.click()
    view.choices.value = 1
    view.button.click()
    assert view.correct and "Right." in view.feedback.value


def test_clicking_without_an_answer_asks_for_one():
    view = quiz.quiz(make_questions()).views[1]
    view.button.click()
    assert not view.correct
    assert quiz.NO_CHOICE in view.feedback.value


def test_feedback_starts_with_an_instruction_not_empty():
    view = quiz.quiz(make_questions()).views[0]
    assert quiz.WAITING in view.feedback.value


def test_widgets_are_labelled():
    for i, view in enumerate(quiz.quiz(make_questions()).views, start=1):
        assert view.choices.description == f"Answer {i}:"
        assert view.button.description == "Check"
        assert str(i) in view.button.tooltip
        labels = [label for label, _ in view.choices.options]
        assert labels[0].startswith("A. ")


def test_quiz_rejects_no_questions_and_non_questions():
    with pytest.raises(ValueError, match="questions"):
        quiz.quiz([])
    with pytest.raises(ValueError, match=r"questions\[1\]"):
        quiz.quiz([make_questions()[0], "not a question"])


# The static form -------------------------------------------------------

def test_mimebundle_has_plain_text_widget_view_and_static_html():
    box = quiz.quiz(make_questions())
    bundle = box._repr_mimebundle_()
    assert bundle["text/plain"] == "Quiz(3 questions)"
    assert WIDGET_VIEW in bundle
    assert bundle["text/html"] == quiz.static_html(box.questions)


def test_repr_is_short_and_singular_for_one_question():
    assert repr(quiz.quiz(make_questions()[:1])) == "Quiz(1 question)"


def test_static_html_is_deterministic():
    first = quiz.quiz(make_questions())._repr_mimebundle_()["text/html"]
    second = quiz.quiz(make_questions())._repr_mimebundle_()["text/html"]
    assert first == second


def test_static_html_reveals_each_answer_in_a_labelled_details():
    html = quiz.static_html(make_questions())
    checker = parse(html)
    assert checker.tags.count("details") == 3
    assert checker.summaries == [f"Show the answer to question {i}"
                                 for i in (1, 2, 3)]
    # no ids (they would have to be unique and stable) and no scripts
    assert "id" not in {name for name, _ in checker.attributes}
    assert "script" not in checker.tags
    downhill = make_questions()[0]
    letter = quiz.LETTERS[quiz.display_order(downhill).index(1)]
    assert f"<strong>{letter}: Downhill</strong> It subtracts η g_t." in html


def test_choices_are_shown_in_a_stable_shuffled_order():
    question = make_questions()[0]
    order = quiz.display_order(question)
    assert sorted(order) == [0, 1, 2]
    assert quiz.display_order(question) == order

    view = quiz.quiz([question]).views[0]
    labels = [label for label, _ in view.choices.options]
    assert labels == [f"{quiz.LETTERS[position]}. {question.choices[i]}"
                      for position, i in enumerate(order)]


def test_the_right_answer_is_not_always_in_the_same_place():
    # Question files tend to list the right answer first; the reader
    # must not be able to learn its position instead of the ideas.
    positions = [quiz.display_order(q).index(q.answer)
                 for questions in quizzes.CHAPTERS.values()
                 for q in questions]
    shares = [positions.count(p) / len(positions) for p in range(4)]
    assert max(shares) < 0.5, shares


def test_static_html_escapes_text_and_marks_code():
    html = quiz.static_html(make_questions())
    assert "2 &lt; 3 &amp; 3 &gt; 2?" in html
    assert "Both &lt;hold&gt;." in html
    assert "<code>lr</code>" in html


# The chapters' questions ----------------------------------------------

@pytest.mark.parametrize("number", sorted(quizzes.CHAPTERS))
def test_every_chapter_has_three_to_five_sound_questions(number):
    questions = quizzes.CHAPTERS[number]
    assert 3 <= len(questions) <= 5
    for q in questions:
        assert isinstance(q, Question)
        assert len(set(q.choices)) == len(q.choices), q.prompt
        assert q.wrong is None or q.wrong[q.answer] is None, q.prompt
        assert q.feedback(q.answer)[0]
    parse(quiz.static_html(questions))


def test_chapter_modules_match_the_table():
    assert quizzes.CHAPTERS[4] is quizzes.ch04.QUESTIONS
    assert sorted(quizzes.CHAPTERS) == list(range(1, 13))


def test_the_website_prefers_the_static_html_to_the_widget_view():
    config = Path(__file__).resolve().parent.parent / "_config.yml"
    sphinx = yaml.safe_load(config.read_text())["sphinx"]["config"]
    overrides = sphinx["nb_mime_priority_overrides"]
    order = get_mime_priority("html", overrides)
    assert order.index("text/html") < order.index(WIDGET_VIEW)
    # and nothing else moves ahead of the HTML
    assert order.index("text/html") == \
        get_mime_priority("html", []).index("text/html") - 1
