"""Drawing the coverage charts (QtCharts) and turning a chart into PNG or SVG bytes."""

from __future__ import annotations

import io
from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

from searchapp.core.coverage import Coverage, Series, write_csv

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")
OUTLETS_SHOWN = 10
MAX_LABELS = 12


def new_chart(accessible_name: str) -> tuple[QChart, QChartView]:
    """An empty chart (no animation, the legend below, narrow margins) in an antialiased view."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(accessible_name)
    return chart, view


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def draw_timeline(
    chart: QChart,
    coverage: Coverage,
    values: Callable[[int, bool], list[float]],
    share: bool,
    title: str,
    dark: bool,
    clicked: Callable[[str, str, bool, int], None],
) -> None:
    """One line per series for the articles mentioning (solid) and quoting (dashed), over the buckets;
    `clicked(name, type, quoted, bucket position)` when a point is clicked."""
    _clear(chart)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setTitle(title)
    width = len(coverage.buckets)
    axis_x = QCategoryAxis()
    axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    step = max(1, -(-width // MAX_LABELS))
    for position in range(0, width, step):
        axis_x.append(coverage.buckets[position], position)
    axis_x.setRange(-0.5, max(width - 0.5, 0.5))
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%.1f" if share else "%.0f")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    top = 0.0
    for number, series in enumerate(coverage.series):
        colour = QColor(COLOURS[number % len(COLOURS)])
        for quoted in (False,) if series.type == "query" else (False, True):
            line = QLineSeries()
            if series.type == "query":
                line.setName(f"Search: {series.name}")
            else:
                line.setName(f"{series.name}: {'quoted' if quoted else 'mentioned'}")
            # quoted: the same hue, lighter and dashed, so the legend and the lines tell them apart
            pen_colour = colour.lighter(150) if quoted else colour
            line.setPen(QPen(pen_colour, 2.0, Qt.PenStyle.DashLine if quoted else Qt.PenStyle.SolidLine))
            line.setPointsVisible(width <= 60)
            points = values(number, quoted)
            for position, value in enumerate(points):
                line.append(QPointF(position, value))
            top = max([top, *points])
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
            line.clicked.connect(lambda point, s=series, q=quoted: clicked(s.name, s.type, q, round(point.x())))
    axis_y.setRange(0, top * 1.1 if top else 1)
    axis_y.applyNiceNumbers()


def draw_outlets(chart: QChart, series: Series, theme: QChart.ChartTheme,
                 clicked: Callable[[str, str, bool, str], None]) -> None:
    """The outlets mentioning and quoting one name, the most at the top; `clicked(name, type, quoted,
    outlet)` when a bar is clicked."""
    _clear(chart)
    chart.setTheme(theme)
    chart.setTitle(f"Outlets mentioning and quoting {series.name}")
    outlets = list(series.outlets)[:OUTLETS_SHOWN][::-1]
    bars = QHorizontalBarSeries()
    mentioned = QBarSet("Mentioned")
    quoted = QBarSet("Quoted")
    for outlet in outlets:
        mentioned.append(series.outlets.get(outlet, 0))
        quoted.append(series.quoted_outlets.get(outlet, 0))
    bars.append(mentioned)
    bars.append(quoted)
    chart.addSeries(bars)
    axis_y = QBarCategoryAxis()
    axis_y.append([outlet or "(no outlet)" for outlet in outlets])
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%.0f")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(axis_y)
    bars.attachAxis(axis_x)
    axis_x.applyNiceNumbers()
    mentioned.clicked.connect(lambda i: clicked(series.name, series.type, False, outlets[i]))
    quoted.clicked.connect(lambda i: clicked(series.name, series.type, True, outlets[i]))


def export_bytes(view: QChartView, coverage: Coverage, fmt: str, title: str) -> bytes:
    """The chart as PNG or SVG, or the table as CSV (drawn here: call it on the GUI thread)."""
    if fmt == "png":
        return png_bytes(view)
    if fmt == "svg":
        return svg_bytes(view, title)
    text = io.StringIO()
    write_csv(coverage, text)
    return text.getvalue().encode("utf-8")


def png_bytes(view: QChartView) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    view.grab().toImage().save(buffer, "PNG")
    return bytes(buffer.data())


def svg_bytes(view: QChartView, title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    size = view.size()
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    painter = QPainter(generator)
    view.render(painter)
    painter.end()
    return bytes(data)
