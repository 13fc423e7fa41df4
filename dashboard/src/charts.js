// History charts drawn with uPlot (bundled from npm): hashrate, chip temperature and power over a range.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { hashrateUnit, isKnown } from "./format.js";

/** The ranges the owner can pick, each with the history interval that keeps a chart near 300 points or fewer. */
export const ranges = [
  { id: "24h", label: "24 h", seconds: 86400, interval: "5m" },
  { id: "7d", label: "7 d", seconds: 7 * 86400, interval: "hour" },
  { id: "30d", label: "30 d", seconds: 30 * 86400, interval: "hour" },
];

const plots = new Map();

function column(points, name, factor = 1) {
  return points.map((p) => (isKnown(p[name]) ? p[name] / factor : null));
}

function chartWidth(container) {
  return Math.max(260, Math.floor(container.clientWidth || 600));
}

function drawOne(container, key, title, unit, times, series) {
  let box = container.querySelector(`[data-chart="${key}"]`);
  if (!box) {
    box = document.createElement("figure");
    box.className = "chart";
    box.dataset.chart = key;
    const caption = document.createElement("figcaption");
    box.append(caption);
    container.append(box);
  }

  box.querySelector("figcaption").textContent = `${title} (${unit})`;
  const plotted = series.reduce((count, s) => count + s.values.filter(isKnown).length, 0);
  box.dataset.points = String(plotted);

  const old = plots.get(box);
  if (old) {
    old.destroy();
  }
  box.querySelector(".chart-empty")?.remove();

  if (plotted === 0) {
    const empty = document.createElement("p");
    empty.className = "chart-empty";
    empty.textContent = "No data in this range.";
    box.append(empty);
    plots.delete(box);
    return;
  }

  const options = {
    width: chartWidth(container),
    height: 180,
    legend: { show: true },
    scales: { x: { time: true } },
    axes: [{}, { label: unit, size: 60 }],
    series: [{}].concat(
      series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: false, points: { show: false } })),
    ),
  };
  const plot = new uPlot(options, [times, ...series.map((s) => s.values)], box);
  plots.set(box, plot);
}

/** Draws the three charts of a history response into `container`. */
export function drawHistory(container, history) {
  const points = history.points ?? [];
  const times = points.map((p) => Date.parse(p.start) / 1000);
  const peak = Math.max(0, ...points.map((p) => p.hashrateMeanHps ?? 0));
  const [factor, label] = hashrateUnit(peak);

  drawOne(container, "hashrate", "Hashrate", label, times, [
    { label: "mean", color: "#1f77b4", values: column(points, "hashrateMeanHps", factor) },
    { label: "min", color: "#9ecae1", values: column(points, "hashrateMinHps", factor) },
  ]);
  drawOne(container, "temperature", "Hottest chip", "°C", times, [
    { label: "max", color: "#d62728", values: column(points, "chipTempMaxC") },
  ]);
  drawOne(container, "power", "Power", "W", times, [
    { label: "mean", color: "#2ca02c", values: column(points, "powerMeanWatts") },
  ]);
}

export function clearCharts(container) {
  for (const box of container.querySelectorAll("[data-chart]")) {
    plots.get(box)?.destroy();
    plots.delete(box);
  }
  container.replaceChildren();
}

window.addEventListener("resize", () => {
  for (const [box, plot] of plots) {
    plot.setSize({ width: chartWidth(box.parentElement), height: 180 });
  }
});
