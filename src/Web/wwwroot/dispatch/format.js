// Formatting shared by the board's parts. Times are shown in the company's time zone (the board's settings), not
// the browser's: a dispatcher abroad still plans the company's day.

export const PRIORITY_LABELS = { Emergency: "Emergency", High: "High", Routine: "Routine" };
export const PRIORITY_RANK = { Emergency: 0, High: 1, Routine: 2 };

let zone = undefined;
let clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hour12: false });

export function useTimeZone(timeZone) {
  if (timeZone === zone) return;
  zone = timeZone;
  try {
    clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hour12: false, timeZone });
  } catch {
    // An id the browser does not know: fall back to the browser's zone rather than show nothing.
    clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hour12: false });
  }
}

export const time = value => value ? clock.format(new Date(value)) : "—";

export const windowText = window => window ? `${time(window.start)}–${time(window.end)}` : "any time";

export function duration(minutes) {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** An element with a class and text; most of the board is made of these. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** yyyy-MM-dd of a day shifted by whole days (dates only: no time zone is involved). */
export function addDays(day, days) {
  const date = new Date(day + "T00:00:00Z");
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function dayLabel(day) {
  return new Date(day + "T00:00:00Z").toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
}
