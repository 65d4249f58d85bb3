// The language of a page: the user's choice (kept in this browser), else the first of the browser's languages
// (what it sends as Accept-Language) that we have, else English. The document's lang and dir follow it, and the
// stylesheets use logical properties (inline-start/end), so a right-to-left language lays out mirrored.
import { signal } from "@preact/signals";
import { en, type MessageKey } from "./en";
import { pt } from "./pt";

const catalogues: Record<string, Record<MessageKey, string>> = { en, pt };
const rightToLeft = new Set(["ar", "he", "fa", "ur"]);
const storageKey = "orleansportal.language";

export const languages = [
  { code: "en", name: "English" },
  { code: "pt", name: "Português" },
] as const;

function initialLanguage(): string {
  const chosen = localStorage.getItem(storageKey);
  if (chosen && catalogues[chosen]) return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split("-")[0] ?? "";
    if (catalogues[base]) return base;
  }
  return "en";
}

/** The current language; components that read it re-render when it changes. */
export const language = signal(initialLanguage());

export function setLanguage(code: string): void {
  if (!catalogues[code]) return;
  localStorage.setItem(storageKey, code);
  language.value = code;
  applyToDocument();
}

/** Shows the page in a language the server knows the reader prefers (a contact's own), unless this browser chose one. */
export function preferLanguage(code: string): void {
  if (localStorage.getItem(storageKey) || !catalogues[code] || language.value === code) return;
  language.value = code;
  applyToDocument();
}

/** The text for key in the current language, with {name} holes filled from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[language.value]?.[key] ?? en[key];
  return params ? text.replace(/\{(\w+)\}/g, (hole, name: string) => (name in params ? String(params[name]) : hole)) : text;
}

/** Sets <html lang dir>; a page may force the direction with ?dir=rtl to check its layout mirrored. */
export function applyToDocument(): void {
  const forced = new URLSearchParams(location.search).get("dir");
  document.documentElement.lang = language.value;
  document.documentElement.dir = forced === "rtl" || forced === "ltr" ? forced : rightToLeft.has(language.value) ? "rtl" : "ltr";
}
