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

/** "Sat 5 Dec, 08:00–12:00" (the times only, today): a span within one day, such as an arrival window. */
export function spanShort(start: Date, end: Date, zone: string, now = new Date()): string {
  return `${whenShort(start, zone, now)}–${timeOfDay(end, zone)}`;
}

/** A <time> element showing spanShort, the start as its machine-readable value. */
export function WhenSpan({ start, end, zone }: { start: string | Date; end: string | Date; zone: string }) {
  const from = typeof start === "string" ? new Date(start) : start;
  const to = typeof end === "string" ? new Date(end) : end;
  const full = `${format(zone, { dateStyle: "full", timeStyle: "short" }).format(from)}–${timeOfDay(to, zone)}`;
  return <time dateTime={from.toISOString()} title={full}>{spanShort(from, to, zone)}</time>;
}

/**
 * "Sat 5 Dec 2026" for a calendar day with no time ("2026-12-20", a due date): the same words as dateOnly, read as
 * that day wherever the reader is (noon UTC of the day, shown in UTC, never slides to the day before).
 */
export function calendarDay(day: string, now = new Date()): string {
  const [year, month, date] = day.split("-").map(Number);
  return dateOnly(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1, 12)), "UTC", now);
}

/** A <time> element showing calendarDay. */
export function Day({ day }: { day: string }) {
  return <time dateTime={day}>{calendarDay(day)}</time>;
}
