// Dates and times as the company reads them: always in the company's time zone (a dispatcher abroad still sees
// Lisbon's 09:00), in the page's language, and with a date whenever the instant is not today, so an alert "since
// 09:49" never leaves the reader guessing which day.
import { language } from "../i18n/i18n";

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language.value}|${zone}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) formats.set(key, (found = new Intl.DateTimeFormat(language.value, { timeZone: zone, ...options })));
  return found;
}

const dayOnly: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };

/** The calendar day of an instant in the zone, as yyyy-mm-dd (comparable, sortable). */
export function dayIn(instant: Date, zone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en", { timeZone: zone, ...dayOnly }).formatToParts(instant).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "09:49" */
export function timeOfDay(instant: Date, zone: string): string {
  return format(zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "Sat 5 Dec 2026" (the year only when it is not this year). */
export function dateOnly(instant: Date, zone: string, now = new Date()): string {
  const sameYear = dayIn(instant, zone).slice(0, 4) === dayIn(now, zone).slice(0, 4);
  return format(zone, { weekday: "short", day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) }).format(instant);
}

/** "09:49" today, "Sat 5 Dec, 09:49" on any other day. */
export function whenShort(instant: Date, zone: string, now = new Date()): string {
  return dayIn(instant, zone) === dayIn(now, zone) ? timeOfDay(instant, zone) : `${dateOnly(instant, zone, now)}, ${timeOfDay(instant, zone)}`;
}

/** A <time> element showing whenShort, with the full instant as its machine-readable value and tooltip. */
export function When({ at, zone }: { at: string | Date; zone: string }) {
  const instant = typeof at === "string" ? new Date(at) : at;
  const full = format(zone, { dateStyle: "full", timeStyle: "short" }).format(instant);
  return <time dateTime={instant.toISOString()} title={full}>{whenShort(instant, zone)}</time>;
}
