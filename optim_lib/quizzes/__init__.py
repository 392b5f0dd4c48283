"""The check-your-understanding questions, one module per chapter.

Each module `chNN` holds `QUESTIONS`, a list of `optim_lib.quiz.Question`
for chapter NN, written against that chapter's text and in its symbols.
A chapter ends with the cell

    quiz.quiz(quizzes.ch04.QUESTIONS)

after `from optim_lib import quiz, quizzes` in its first cell;
`tools/add_quizzes.py` inserts both. `CHAPTERS` maps a chapter number to
its questions.
"""

from optim_lib.quiz import Question
from optim_lib.quizzes import (ch01, ch02, ch03, ch04, ch05, ch06, ch07,
                               ch08, ch09, ch10, ch11, ch12)

__all__ = ["CHAPTERS", "ch01", "ch02", "ch03", "ch04", "ch05", "ch06",
           "ch07", "ch08", "ch09", "ch10", "ch11", "ch12"]

CHAPTERS: dict[int, list[Question]] = {
    number: module.QUESTIONS
    for number, module in enumerate(
        (ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10,
         ch11, ch12),
        start=1)
}
