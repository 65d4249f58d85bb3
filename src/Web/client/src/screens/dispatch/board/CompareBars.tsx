import { t } from "../../../i18n/i18n";

interface Props {
  title: string;
  before: number;
  after: number;
  format(value: number): string;
}

/** Two bars on one scale (the larger value fills the width), each with its value written beside it. */
export function CompareBars({ title, before, after, format }: Props) {
  const max = Math.max(before, after);
  const line = (which: "before" | "after", value: number) => {
    const label = which === "before" ? t("dispatch.optimize.before") : t("dispatch.optimize.after");
    return (
      <div class={`bar-line ${which}`}>
        <span class="bar-label">{label}</span>
        <div class="bar-track" role="img" aria-label={t("dispatch.optimize.barLabel", { title, which: label.toLowerCase(), value: format(value) })}>
          <div class="bar-fill" style={{ width: `${max > 0 ? (value / max) * 100 : 0}%` }} />
        </div>
        <span class="bar-value">{format(value)}</span>
      </div>
    );
  };
  return (
    <figure class="compare">
      <figcaption>{title}</figcaption>
      {line("before", before)}
      {line("after", after)}
    </figure>
  );
}
