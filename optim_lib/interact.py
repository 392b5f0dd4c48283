"""Interaction that works in two places: Jupyter and the static website.

`controls` builds ipywidgets sliders that redraw a figure; they need a
running kernel, so they live in Jupyter only. `player` renders the same
kind of parameter sweep ahead of time as an animation player whose slider
and buttons work on a static page, with no kernel and no network.
"""

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import HTML
from matplotlib.animation import FuncAnimation
from matplotlib.figure import Figure

# Matplotlib's player draws its buttons with a font fetched from a CDN.
# Offline that font is missing and the buttons go blank; media symbols in
# system fonts are missing on many machines too. So each button gets a
# small inline SVG: polygons in a 16 x 16 box, one string per icon.
_ICON_SHAPES = {
    "fa fa-minus": ["2,7 14,7 14,9 2,9"],
    "fa fa-fast-backward": ["2,2 4,2 4,14 2,14", "14,2 4,8 14,14"],
    "fa fa-step-backward": ["12,2 4,8 12,14", "12,2 14,2 14,14 12,14"],
    "fa fa-play fa-flip-horizontal": ["13,2 3,8 13,14"],
    "fa fa-pause": ["3,2 7,2 7,14 3,14", "9,2 13,2 13,14 9,14"],
    "fa fa-play": ["3,2 13,8 3,14"],
    "fa fa-step-forward": ["2,2 4,2 4,14 2,14", "4,2 12,8 4,14"],
    "fa fa-fast-forward": ["2,2 12,8 2,14", "12,2 14,2 14,14 12,14"],
    "fa fa-plus": ["7,2 9,2 9,7 14,7 14,9 9,9 9,14 7,14 7,9 2,9 2,7 7,7"],
}


def _icon(shapes: list[str]) -> str:
    """An inline SVG icon, hidden from screen readers (buttons are named)."""
    polygons = "".join(f'<polygon points="{points}"/>' for points in shapes)
    return ('<svg aria-hidden="true" focusable="false" width="14" '
            'height="14" viewBox="0 0 16 16" fill="currentColor">'
            f"{polygons}</svg>")


_CDN_STYLESHEET = re.compile(
    r'<link rel="stylesheet"\s+href="https?://[^"]*">')
_RANDOM_ID = re.compile(r"[0-9a-f]{32}")


def player(fig: Figure, update: Callable[[Any], Any], frames: Iterable,
           *, alt: str, fps: float = 4.0) -> HTML:
    """Render a parameter sweep as an animation player for any page.

    Args:
        fig: the figure to animate; it is closed afterwards so that the
            notebook does not also show it as a still image.
        update: called with each frame value; redraws the figure's artists.
        frames: the values to sweep, one animation frame each.
        alt: text alternative for the animation, saying what it shows.
        fps: frames per second when playing.

    Returns:
        An HTML object; displaying it in a notebook shows the player, and
        the book's website keeps its slider and buttons working.

    Raises:
        ValueError: if `frames` is empty, `fps` is not positive or `alt`
            is blank.
    """
    frames = list(frames)
    if not frames:
        raise ValueError("frames must hold at least one value; got none")
    if not fps > 0:
        raise ValueError(f"fps must be positive; got {fps!r}")
    if not alt.strip():
        raise ValueError("alt must describe the animation; got blank text")

    # The animation redraws the canvas after each frame and then draws it
    # again to save the image; off screen the first draw is wasted, and
    # skipping it halves the time a player takes to render.
    fig.canvas.draw_idle = lambda *args, **kwargs: None
    animation = FuncAnimation(fig, update, frames=frames,
                              interval=1000.0 / fps)
    html = animation.to_jshtml(default_mode="once")
    plt.close(fig)
    return HTML(_offline_and_stable(html, alt))


def _offline_and_stable(html: str, alt: str) -> str:
    """Drop the CDN font, add labels, and replace the random element id."""
    html = _CDN_STYLESHEET.sub("", html)
    for css_class, shapes in _ICON_SHAPES.items():
        html = html.replace(f'<i class="{css_class}"></i>', _icon(shapes))

    # The id only has to be unique on its page: a digest of the content
    # is, and it stays the same from one run to the next.
    random_id = _RANDOM_ID.search(html).group(0)
    html = html.replace(random_id, "{id}")
    stable_id = "player" + hashlib.sha256(html.encode()).hexdigest()[:12]
    html = html.replace("{id}", stable_id)

    html = html.replace(f'<img id="_anim_img{stable_id}">',
                        f'<img id="_anim_img{stable_id}" '
                        f'alt="{_escape(alt)}">')
    return html.replace('class="anim-slider"',
                        'class="anim-slider" aria-label="Animation frame"')


def _escape(text: str) -> str:
    """Escape text for use inside a double-quoted HTML attribute."""
    return (text.replace("&", "&amp;").replace('"', "&quot;")
            .replace("<", "&lt;").replace(">", "&gt;"))


class Controls(widgets.VBox):
    """Sliders above a figure that `draw` redraws on every change.

    Attributes:
        sliders: the slider widgets by the name `draw` receives them under.
        figure: the figure `draw` returned for the current slider values.
    """

    def __init__(self, draw: Callable[..., Figure],
                 sliders: dict[str, widgets.ValueWidget]):
        self.draw = draw
        self.sliders = sliders
        self.figure: Figure | None = None
        self.output = widgets.Output()
        super().__init__([*sliders.values(), self.output])

        for slider in sliders.values():
            slider.observe(self.refresh, names="value")
        self.refresh()

    def values(self) -> dict[str, Any]:
        """The current value of every slider, by name."""
        return {name: slider.value for name, slider in self.sliders.items()}

    def refresh(self, _change: Any = None) -> None:
        """Redraw the figure for the current slider values."""
        figure = self.draw(**self.values())

        # Setting the output's contents directly, rather than printing into
        # it, sends nothing to the notebook's own output, so the cell that
        # shows the controls stays the same whatever the sliders say.
        self.output.outputs = ()
        self.output.append_display_data(figure)
        plt.close(figure)
        self.figure = figure

    def __repr__(self) -> str:
        settings = ", ".join(f"{name}={value!r}"
                             for name, value in self.values().items())
        return f"Controls({settings})"


def controls(draw: Callable[..., Figure], **sliders: Any) -> Controls:
    """Sliders that drive a figure in Jupyter.

    Args:
        draw: makes a new figure for keyword arguments named as the
            sliders and returns it.
        **sliders: an ipywidgets slider per argument of `draw`, or a tuple
            `(low, high, step, value)` for a plain float slider.

    Returns:
        A `Controls` box. Setting a slider's `value` redraws, which is how
        the tests drive it without a browser.

    Raises:
        ValueError: if no slider is given or a tuple is malformed.

    Example:
        >>> ui = controls(lambda lr: plt.figure(), lr=(0.01, 1.0, 0.01, 0.1))
        >>> ui.sliders["lr"].value = 0.5
        >>> ui.values()
        {'lr': 0.5}
    """
    if not sliders:
        raise ValueError("controls needs at least one slider; got none")
    made = {name: _as_slider(name, spec) for name, spec in sliders.items()}
    return Controls(draw, made)


def _as_slider(name: str, spec: Any) -> widgets.ValueWidget:
    """A slider widget from a widget or a `(low, high, step, value)`."""
    if isinstance(spec, widgets.ValueWidget):
        return spec
    if not (isinstance(spec, tuple) and len(spec) == 4):
        raise ValueError(f"slider {name!r} must be an ipywidgets widget or "
                         f"a tuple (low, high, step, value); got {spec!r}")
    low, high, step, value = spec
    return widgets.FloatSlider(value=value, min=low, max=high, step=step,
                               description=name, continuous_update=False)
