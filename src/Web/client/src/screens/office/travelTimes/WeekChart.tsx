import { t } from "../../../i18n/i18n";

const Width = 480;
const Height = 150;
const Left = 34;
const Bottom = 22;
const Top = 8;

/**
 * A model's week as bars: for each hour, how much longer than a typical hour a drive takes (1 = typical), weekdays
 * and weekends side by side. Drawn as SVG in a viewBox, so it scales to the card on a phone.
 */
export function WeekChart({ factors }: { factors: number[] }) {
  const highest = Math.max(1.5, ...factors);
  const plotHeight = Height - Bottom - Top;
  const y = (value: number) => Top + plotHeight * (1 - value / highest);
  const band = (Width - Left) / 48;
  return (
    <figure class="week-chart">
      <svg viewBox={`0 0 ${Width} ${Height}`} role="img" aria-label={t("travel.chart.label")}>
        <line x1={Left} x2={Width} y1={y(1)} y2={y(1)} class="typical" />
        <text x={Left - 4} y={y(1) + 4} text-anchor="end">1×</text>
        <text x={Left - 4} y={y(highest) + 8} text-anchor="end">{highest.toFixed(1)}×</text>
        {factors.map((f, i) => (
          <rect key={i} x={Left + i * band + 1} width={band - 2} y={y(f)} height={Math.max(0, y(0) - y(f))}
            class={i < 24 ? "weekday" : "weekend"}>
            <title>{t(i < 24 ? "travel.chart.weekday" : "travel.chart.weekend", { hour: String(i % 24).padStart(2, "0"), factor: f.toFixed(2) })}</title>
          </rect>
        ))}
        {[0, 6, 12, 18].flatMap(h => [h, h + 24]).map(i => (
          <text key={i} x={Left + i * band + band / 2} y={Height - 6} text-anchor="middle">{String(i % 24).padStart(2, "0")}</text>
        ))}
      </svg>
      <figcaption class="muted">
        <span class="key weekday" /> {t("travel.chart.weekdays")} <span class="key weekend" /> {t("travel.chart.weekends")} · {t("travel.chart.caption")}
      </figcaption>
    </figure>
  );
}
