// "Add to calendar": one appointment as an iCalendar file (RFC 5545) made in the browser, so it works offline and
// needs no server. Times are in UTC ("Z"), which every calendar converts to its reader's zone.
import { t } from "../../i18n/i18n";
import { dayIn, spanShort } from "../../components/time";
import type { PortalJob } from "./jobsStore";

/** The .ics text of one appointment with a window; lines end in CRLF and are folded at 75 octets, as the format asks. */
export function icsFor(job: PortalJob, company: string, zone: string, origin: string, now = new Date()): string {
  const window = job.arrivalWindow!;
  const link = `${origin}/portal/appointment/?id=${encodeURIComponent(job.id)}`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//OrleansPortal//Customer portal//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${job.id}@orleansportal`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(new Date(window.start))}`,
    `DTEND:${utc(new Date(window.end))}`,
    `SUMMARY:${text(company ? `${company}: ${job.description}` : job.description)}`,
    `LOCATION:${text(job.address)}`,
    `DESCRIPTION:${text(t("jobs.calendar.description", { window: spanShort(new Date(window.start), new Date(window.end), zone, now), link }))}`,
    `URL:${link}`,
    "STATUS:CONFIRMED",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** Saves the appointment's .ics through the browser's download. */
export function downloadIcs(job: PortalJob, company: string, zone: string): void {
  const blob = new Blob([icsFor(job, company, zone, location.origin)], { type: "text/calendar;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `appointment-${dayIn(new Date(job.arrivalWindow!.start), zone)}.ics`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** 20261206T080000Z */
function utc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
function text(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets continue on the next line after one space, never splitting a character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let part = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines spend one octet on the leading space
    if (octets + size > limit) {
      parts.push(part);
      part = "";
      octets = 0;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join("\r\n ");
}
