import { t } from "../../../i18n/i18n";
import { bookedOf, levelOf, percent } from "./capacity";
import type { CalendarTechnician } from "./types";
import { DaysHead } from "./WeekView";

/**
 * Booked hours against shift hours per technician and day. The colour says how full a day is, and the figures say it
 * too (percent and hours, plus the level in words for screen readers), so no one depends on telling colours apart.
 */
export function CapacityView({ days, technicians }: { days: string[]; technicians: CalendarTechnician[] }) {
  return (
    <>
      <section class="legend" aria-labelledby="capacity-legend">
        <h3 id="capacity-legend">{t("planning.capacity.legend")}</h3>
        <ul>
          <li><span class="swatch level-green" aria-hidden="true" />{t("planning.capacity.green")}</li>
          <li><span class="swatch level-amber" aria-hidden="true" />{t("planning.capacity.amber")}</li>
          <li><span class="swatch level-red" aria-hidden="true" />{t("planning.capacity.red")}</li>
          <li><span class="swatch level-none" aria-hidden="true" />{t("planning.capacity.none")}</li>
        </ul>
      </section>
      {technicians.length === 0 ? <p class="muted">{t("planning.noTechnicians")}</p> : (
        <div class="scroll-box" role="region" aria-label={t("planning.capacity.caption")} tabIndex={0}>
          <table class="capacity-grid">
            <caption>{t("planning.capacity.caption")}</caption>
            <DaysHead days={days} />
            <tbody>
              {technicians.map(tech => (
                <tr key={tech.id} data-technician={tech.id}>
                  <th scope="row">{tech.name}</th>
                  {tech.days.map(day => {
                    const level = levelOf(day);
                    return (
                      <td key={day.day} data-day={day.day} class={`level-${level ?? "none"}`}>
                        {day.shiftMinutes > 0 || day.bookedMinutes > 0 ? (
                          <>
                            <strong>{percent(day)}</strong>
                            <span>{bookedOf(day)}</span>
                            {level && <span class="visually-hidden">{t(`planning.capacity.level.${level}`)}</span>}
                          </>
                        ) : <span class="muted">{t("planning.dayOff")}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
