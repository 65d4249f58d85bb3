import type { Signal } from "@preact/signals";
import { useId } from "preact/hooks";
import { dateOnly, dayIn, timeOfDay } from "../../components/time";
import { t } from "../../i18n/i18n";
import type { WindowOffer } from "./jobsStore";
import { zone } from "./session";

/**
 * The arrival windows on offer as radio buttons, a day per row (dispatch's real capacity; the server asks again when
 * one is chosen). `offers` is null while they are being looked up; `note` stands in when there is nothing to choose.
 */
export function WindowChoices({ offers, chosen, legend, note }: { offers: WindowOffer[] | null; chosen: Signal<string | null>; legend: string; note: string }) {
  const name = useId();
  const days = new Map<string, WindowOffer[]>();
  for (const offer of offers ?? []) {
    const day = dayIn(new Date(offer.start), zone());
    days.set(day, [...(days.get(day) ?? []), offer]);
  }
  return (
    <fieldset class="windows">
      <legend>{legend}</legend>
      <div role="radiogroup" aria-label={t("jobs.windows")}>
        {offers === null && <p class="muted">{t("jobs.windowsLoading")}</p>}
        {offers?.length === 0 && <p class="muted">{note}</p>}
        {[...days].map(([day, choices]) => {
          const dayName = dateOnly(new Date(choices[0]!.start), zone());
          return (
            <div key={day} class="window-day" role="group" aria-label={dayName}>
              <span class="day-name" aria-hidden="true">{dayName}</span>
              {choices.map(offer => (
                <label key={offer.start} class="choice">
                  <input type="radio" name={name} value={offer.start} checked={chosen.value === offer.start} onChange={() => (chosen.value = offer.start)} />
                  <span>
                    <span class="slot">{offer.slot}</span>
                    {`${timeOfDay(new Date(offer.start), zone())}–${timeOfDay(new Date(offer.end), zone())}`}
                  </span>
                </label>
              ))}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
