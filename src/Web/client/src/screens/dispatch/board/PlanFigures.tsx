import { language, t } from "../../../i18n/i18n";
import { CompareBars } from "./CompareBars";

type Summary = { kilometers: number; minutesLate: number };

/** A plan's driving and lateness before and after, drawn as pairs of bars. */
export function PlanFigures({ before, after }: { before: Summary; after: Summary }) {
  const oneDecimal = new Intl.NumberFormat(language.value, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  return (
    <>
      <CompareBars title={t("dispatch.optimize.driving")} before={before.kilometers} after={after.kilometers}
        format={v => t("dispatch.optimize.km", { km: oneDecimal.format(v) })} />
      <CompareBars title={t("dispatch.optimize.lateness")} before={before.minutesLate} after={after.minutesLate}
        format={v => t("dispatch.optimize.minutesLate", { minutes: Math.round(v) })} />
    </>
  );
}
