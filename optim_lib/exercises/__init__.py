"""Checkers for the coding exercises, one module per chapter.

A checker runs the learner's function on small cases, compares with the
reference and says precisely what differs, in the chapter's words.
"""
