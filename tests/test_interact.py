"""Tests for optim_lib.interact: players for the page, sliders for Jupyter."""

import re

import ipywidgets as widgets
import matplotlib
import matplotlib.pyplot as plt
import pytest

from optim_lib import interact

matplotlib.use("Agg")


def line_player(frames=(0.0, 0.5, 1.0), alt="A line that tilts."):
    fig, ax = plt.subplots(figsize=(2, 2))
    (line,) = ax.plot([0, 1], [0, 0])
    return interact.player(fig, lambda k: line.set_ydata([0, k]), frames,
                           alt=alt)


def test_player_needs_no_network():
    html = line_player().data
    assert "http://" not in html and "https://" not in html
    assert "fa fa-" not in html


def test_player_has_a_frame_per_value():
    html = line_player(frames=[0.0, 0.25, 0.5, 0.75]).data
    assert len(re.findall(r"data:image/png;base64", html)) == 4


def test_player_is_accessible():
    html = line_player(alt='Slope "k" from 0 to 1').data
    assert 'alt="Slope &quot;k&quot; from 0 to 1"' in html
    assert 'aria-label="Animation frame"' in html
    assert 'aria-label="Play"' in html


def test_player_html_is_the_same_on_every_run():
    assert line_player().data == line_player().data


def test_players_with_different_frames_get_different_ids():
    ids = {re.search(r"_anim_img(\w+)", line_player(frames=f).data)[1]
           for f in ([0.0, 1.0], [0.0, 2.0])}
    assert len(ids) == 2


@pytest.mark.parametrize("kwargs, word", [
    ({"frames": []}, "frames"),
    ({"alt": "  "}, "alt"),
])
def test_player_rejects_bad_input(kwargs, word):
    with pytest.raises(ValueError, match=word):
        line_player(**kwargs)


def test_player_rejects_non_positive_fps():
    fig = plt.figure()
    with pytest.raises(ValueError, match="fps"):
        interact.player(fig, lambda k: None, [1], alt="x", fps=0)


def draw_line(lr, momentum=0.0):
    fig, ax = plt.subplots()
    ax.set_title(f"lr={lr:.2f} momentum={momentum:.2f}")
    return fig


def test_moving_a_slider_redraws_with_its_value():
    ui = interact.controls(draw_line, lr=(0.01, 1.0, 0.01, 0.1))
    assert ui.figure.axes[0].get_title() == "lr=0.10 momentum=0.00"

    ui.sliders["lr"].value = 0.5
    assert ui.values() == {"lr": 0.5}
    assert ui.figure.axes[0].get_title() == "lr=0.50 momentum=0.00"


def test_controls_accepts_ready_made_widgets():
    slider = widgets.FloatLogSlider(value=0.1, min=-3, max=0)
    ui = interact.controls(draw_line, momentum=slider,
                           lr=(0.0, 1.0, 0.1, 0.2))
    slider.value = 0.01
    assert ui.figure.axes[0].get_title() == "lr=0.20 momentum=0.01"


def test_controls_rejects_a_malformed_slider():
    with pytest.raises(ValueError, match="slider 'lr'"):
        interact.controls(draw_line, lr=(0.0, 1.0))


def test_controls_needs_a_slider():
    with pytest.raises(ValueError, match="at least one slider"):
        interact.controls(draw_line)


def test_every_player_button_has_an_icon_drawn_inline():
    html = line_player().data
    buttons = re.findall(r"<button.*?</button>", html, flags=re.S)
    assert len(buttons) == 9
    assert all("<svg" in button for button in buttons)
