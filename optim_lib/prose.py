"""Numbers for the prose of the chapters.

Every number a chapter quotes is computed by one of its cells and handed
to the text with MyST-NB's glue. Rounding it first to six significant
digits keeps the stored value the same on every run, where the last
digits of a long float computation may not be.
"""

SIGNIFICANT_DIGITS = 6


def rounded(value: float) -> float:
    """`value` as a plain float, rounded to six significant digits.

    Example:
        >>> rounded(2 / 3)
        0.666667
    """
    return float(f"{float(value):.{SIGNIFICANT_DIGITS}g}")


def glue_number(name: str, value: float) -> None:
    """Store a number under `name` for the text, e.g. {glue:text}`name`.

    A plain float is stored, never a numpy scalar, whose text form
    (`np.float64(...)`) the book's number formats cannot read.
    """
    # Imported here so that optim_lib itself does not need MyST-NB.
    from myst_nb import glue

    glue(name, rounded(value), display=False)
