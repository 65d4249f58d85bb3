// Calendar days as "yyyy-mm-dd" strings (the API's DateOnly): the arithmetic runs on UTC noon, so no zone or daylight
// saving change can slide a day; which day is "today" comes from the company's zone (components/time.tsx).

function toDate(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
}

function fromDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromDate(date);
}

export function addMonths(day: string, months: number): string {
  const date = toDate(day);
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  return fromDate(date);
}

/** The Monday of the day's week (weeks start on Monday, as the company's working week does). */
export function weekStart(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The Monday-to-Sunday weeks that hold the day's month: 4 to 6 of them, at most 42 days. */
export function monthSpan(day: string): { from: string; to: string; month: string } {
  const first = day.slice(0, 8) + "01";
  const last = addDays(addMonths(first, 1), -1);
  return { from: weekStart(first), to: addDays(weekStart(last), 6), month: first.slice(0, 7) };
}

/** Every day from..to, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export function dayOfMonth(day: string): number {
  return Number(day.slice(8, 10));
}

/** The day's weekday in the page's language, short ("Mon", "seg."). */
export function weekdayName(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: "short", timeZone: "UTC" }).format(toDate(day));
}

/** "December 2026" in the page's language. */
export function monthName(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(toDate(day));
}
