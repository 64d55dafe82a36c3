"""Chart images: Vega-Lite spec -> PNG / SVG with the Noto CJK fonts, so Chinese renders in exports."""
from __future__ import annotations

import functools
from pathlib import Path

import altair as alt
import vl_convert as vlc

FONT_DIRS = [Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto")]
EXPORT_WIDTH = 720  # "container" width has no meaning off screen


class FontsMissing(RuntimeError):
    """Raised when no Noto CJK font is installed (apt-get install fonts-noto-cjk)."""


@functools.cache
def register_fonts() -> None:
    """Register the Noto CJK font folders with vl-convert once per process."""
    found = [d for d in FONT_DIRS if d.is_dir() and any(d.glob("*CJK*"))]
    if not found:
        raise FontsMissing("no Noto CJK fonts under " + ", ".join(map(str, FONT_DIRS)))
    for folder in found:
        vlc.register_font_directory(str(folder))


def _spec(chart: alt.TopLevelMixin | dict) -> dict:
    """The Vega-Lite spec of a chart (or a copy of a spec), with a fixed width."""
    spec = dict(chart) if isinstance(chart, dict) else chart.to_dict(validate=False)
    if spec.get("width") == "container":
        spec["width"] = EXPORT_WIDTH
    return spec


def png(chart: alt.TopLevelMixin | dict, scale: float = 2) -> bytes:
    register_fonts()
    return vlc.vegalite_to_png(_spec(chart), scale=scale)


def svg(chart: alt.TopLevelMixin | dict) -> str:
    register_fonts()
    return vlc.vegalite_to_svg(_spec(chart))
