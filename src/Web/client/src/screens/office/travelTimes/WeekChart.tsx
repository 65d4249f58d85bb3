import { t } from "../../../i18n/i18n";

const Width = 480;
const Height = 150;
const Left = 42;
const Bottom = 22;
const Top = 8;

/**
 * A model's week as bars from the typical hour's line: for each hour, how much longer (up) or shorter (down) a drive
 * takes than at a typical hour, weekdays and weekends side by side. The scale is logarithmic, so twice as slow and
 * twice as fast are the same height, and a rush hour of +15 % shows rather than drowning in bars from zero. Drawn as
 * SVG in a viewBox, so it scales to the card on a phone.
 */
export function WeekChart({ factors }: { factors: number[] }) {
  const highest = Math.max(1.25, ...factors);
  const lowest = Math.min(0.8, ...factors);
  const plotHeight = Height - Bottom - Top;
  const y = (value: number) => Top + plotHeight * (Math.log(highest) - Math.log(value)) / (Math.log(highest) - Math.log(lowest));
  const band = (Width - Left) / 48;
  return (
    <figure class="week-chart">
      <svg viewBox={`0 0 ${Width} ${Height}`} role="img" aria-label={t("travel.chart.label")}>
        <line x1={Left} x2={Width} y1={y(1)} y2={y(1)} class="typical" />
        <text x={Left - 4} y={y(1) + 4} text-anchor="end">1×</text>
        <text x={Left - 4} y={y(highest) + 8} text-anchor="end">{highest.toFixed(2)}×</text>
        <text x={Left - 4} y={y(lowest)} text-anchor="end">{lowest.toFixed(2)}×</text>
        {factors.map((f, i) => (
          <rect key={i} x={Left + i * band + 1} width={band - 2} y={Math.min(y(f), y(1))} height={Math.max(1, Math.abs(y(f) - y(1)))}
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
