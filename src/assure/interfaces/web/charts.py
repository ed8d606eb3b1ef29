"""Charts drawn on the server as SVG, so they need no script: each has a
title and description for screen readers, and every page that shows one also
shows its figures as a table. Text is escaped; no inline styles (classes in
app.css)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
BANDS = (
    ("Inadequate", 25, 38),
    ("Requires improvement", 39, 62),
    ("Good", 63, 87),
    ("Outstanding", 88, 100),
)


def rect(css: str, x: float, y: float, w: float, h: float, tip: str | None = None) -> str:
    inner = f"<title>{escape(tip)}</title>" if tip else ""
    shape = f'class="{css}" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"'
    return f"<rect {shape}>{inner}</rect>"


def text(x: float, y: float, words: object, anchor: str = "start") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(str(words))}</text>'


def axis(y: float) -> str:
    ends = f'x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"'
    return f'<line class="app-chart__axis" {ends}/>'


def svg(ident: str, title: str, description: str, body: str, height: float = HEIGHT) -> Markup:
    return Markup(
        f'<svg class="app-chart" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>{body}</svg>'
    )


def ratings_chart(percents: Sequence[int], own: int | None, own_name: str) -> Markup:
    """How many councils' published statement scores come to each percentage,
    over the four rating bands, with this council's simulated percentage marked."""
    counts = Counter(percents)
    low, high = 25, 100
    tallest = max(counts.values(), default=1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(p: float) -> float:
        return LEFT + (p - low) / (high - low) * plot_w

    parts = []
    for i, (name, first, last) in enumerate(BANDS):
        if i % 2 == 0:
            width = x(last + 0.5) - x(first - 0.5)
            parts.append(rect("app-chart__band", x(first - 0.5), TOP, width, plot_h))
        parts.append(text(x((first + last) / 2), HEIGHT - 6, name, "middle"))
    bar = plot_w / (high - low + 1)
    for p, n in sorted(counts.items()):
        h = n / tallest * (plot_h - 12)
        tip = f"{p}%: {n} councils"
        parts.append(rect("app-chart__bar", x(p - 0.5), TOP + plot_h - h, max(bar - 1, 1), h, tip))
    for p in (25, 39, 63, 88, 100):
        parts.append(text(x(p), HEIGHT - 22, f"{p}%", "middle"))
    parts += [axis(TOP + plot_h), text(4, TOP + 10, tallest), text(4, TOP + plot_h, 0)]
    if own is not None:
        parts.append(rect("app-chart__bar--own", x(own) - 1.5, TOP, 3, plot_h))
        parts.append(text(x(own) + 4, TOP + 12, f"{own_name}: {own}%"))
    where = f"; {own_name}'s simulated score is {own}%" if own is not None else ""
    description = f"Published ratings of {len(percents)} councils by percentage{where}."
    return svg("ratings", "Councils' published ratings by percentage", description, "".join(parts))


def series_chart(
    ident: str,
    title: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    comparators: Mapping[str, Sequence[float | None]],
    unit: str | None,
) -> Markup:
    """A measure's values in order (one point per label), a line through
    them, and each comparator's values as a dashed line."""
    every = [v for v in values if v is not None] + [
        v for series in comparators.values() for v in series if v is not None
    ]
    if not every or not labels:
        return Markup("")
    top = max(every)
    bottom = min(0.0, min(every))
    span = (top - bottom) or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(labels) - 1, 1)

    def point(i: int, v: float) -> tuple[float, float]:
        x = LEFT + (i * step if len(labels) > 1 else plot_w / 2)
        return x, TOP + plot_h - (v - bottom) / span * plot_h

    def line(series: Sequence[float | None], css: str) -> str:
        points = [point(i, v) for i, v in enumerate(series) if v is not None]
        dots = "".join(
            f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="3"/>' for x, y in points
        )
        if len(points) < 2:
            return dots
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        return f'<polyline class="app-chart__line {css}" points="{path}"/>' + dots

    parts = [axis(TOP + plot_h), text(2, TOP + 10, unit_text(top, unit))]
    parts.append(text(2, TOP + plot_h, unit_text(bottom, unit)))
    for i, label in enumerate(labels):
        x, _ = point(i, bottom)
        parts.append(text(x, HEIGHT - 20, label[:16], "middle"))
    for kind, series in comparators.items():
        parts.append(line(series, "app-chart__line--comparator"))
        last = max((i for i, v in enumerate(series) if v is not None), default=None)
        if last is not None:  # name each comparator beside its last point
            x, y = point(last, series[last] or 0.0)
            parts.append(text(min(x + 6, WIDTH - 90), y - 4, kind.replace("_", " ")))
    parts.append(line(values, "app-chart__marker"))
    names = ", ".join(comparators) or "none"
    description = f"{len(labels)} values of {title}; comparators: {names}."
    return svg(ident, title, description, "".join(parts))


def unit_text(value: float, unit: str | None) -> str:
    number = f"{value:,.0f}" if abs(value) >= 100 else f"{value:g}"
    return {"percent": f"{number}%", "gbp": f"£{number}"}.get(unit or "", number)


def comparison_chart(
    ident: str, title: str, bars: Sequence[tuple[str, float]], unit: str | None
) -> Markup:
    """One figure beside its comparators as horizontal bars, each labelled."""
    if not bars:
        return Markup("")
    top = max(max(v for _, v in bars), 0.0) or 1.0
    row = min(36.0, (HEIGHT - TOP - 8) / len(bars))
    plot_w = WIDTH - 200 - 80  # room for the value after the longest bar
    parts = []
    for i, (label, value) in enumerate(bars):
        y = TOP + i * row
        css = "app-chart__bar--own" if i == 0 else "app-chart__bar"
        width = max(value, 0.0) / top * plot_w
        parts.append(text(4, y + row * 0.6, label[:28]))
        parts.append(rect(css, 200, y + 4, width, row - 10, f"{label}: {unit_text(value, unit)}"))
        parts.append(text(204 + width, y + row * 0.6, unit_text(value, unit)))
    names = ", ".join(f"{label} {unit_text(v, unit)}" for label, v in bars)
    height = TOP + len(bars) * row + 8
    return svg(ident, title, f"{title}: {names}.", "".join(parts), height)
