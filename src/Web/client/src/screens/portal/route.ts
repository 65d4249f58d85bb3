// The portal's sections, one per hash route ("#documents", "#messages/job:…"), so each has an address, the browser's
// back button moves between them, and the page never reloads to change section.
import { signal } from "@preact/signals";

export const sections = ["appointments", "request", "documents", "payment-methods", "plans", "messages", "support", "properties", "notifications"] as const;
export type Section = (typeof sections)[number];

export interface Route {
  section: Section;
  /** What the section opens, if anything (a conversation's thread id). */
  detail: string | null;
}

function parse(hash: string): Route {
  const [name = "", ...rest] = hash.replace(/^#\/?/, "").split("/");
  const section = (sections as readonly string[]).includes(name) ? (name as Section) : "appointments";
  return { section, detail: rest.length > 0 ? decodeURIComponent(rest.join("/")) : null };
}

export const route = signal<Route>(parse(location.hash));
addEventListener("hashchange", () => (route.value = parse(location.hash)));

export function hrefOf(section: Section, detail?: string): string {
  return detail ? `#${section}/${encodeURIComponent(detail)}` : `#${section}`;
}

export function go(section: Section, detail?: string): void {
  location.hash = hrefOf(section, detail);
}
