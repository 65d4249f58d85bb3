import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "preact/hooks";
import "./charts.css";

// Only the parts these charts draw: Chart.js leaves the rest out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Series { label: string; values: number[]; color: string | string[] }

/**
 * Bars drawn by Chart.js on a canvas. A canvas says nothing to a screen reader: it is hidden from them, and every chart
 * here stands beside a table with the same numbers (the caller's), which is what they read. `counts` says the values
 * are whole numbers (attempts), so the value axis has no 0.5 ticks.
 */
export function BarChart({ labels, series, horizontal = false, counts = false, range, format }: {
  labels: string[]; series: Series[]; horizontal?: boolean; counts?: boolean; format: (value: number) => string;
  /** The value axis's fixed ends (a 1-5 rating, an NPS from -100 to 100), so one week's bar is not drawn as the whole scale. */
  range?: [number, number];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<"bar"> | null>(null);

  useEffect(() => {
    chart.current = new Chart(canvas.current!, {
      type: "bar",
      data: { labels: [], datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: item => `${item.dataset.label ?? ""}: ${format(item.parsed[horizontal ? "x" : "y"] ?? 0)}` } } },
        scales: {
          x: { ticks: { autoSkip: true, maxRotation: 0, ...(counts && horizontal ? { precision: 0 } : {}) } },
          y: { ticks: { autoSkip: true, ...(counts && !horizontal ? { precision: 0 } : {}) }, ...(range && !horizontal ? { min: range[0], max: range[1] } : {}) },
        },
      },
    });
    return () => chart.current?.destroy();
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = labels;
    c.data.datasets = series.map(s => ({ label: s.label, data: s.values, backgroundColor: s.color, borderRadius: 3 }));
    c.options.plugins!.legend!.display = series.length > 1;
    c.update();
  }, [labels.join("|"), series.map(s => s.label + s.values.join(",")).join("|")]);

  return <div class="chart-box" aria-hidden="true"><canvas ref={canvas} /></div>;
}
