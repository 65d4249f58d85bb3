import type { components } from "../../../api/schema";
import { language } from "../../../i18n/i18n";

export type Summary = components["schemas"]["FeedbackSummaryDto"];
export type Answer = components["schemas"]["FeedbackResponseDto"];
export type Settings = components["schemas"]["FeedbackSettingsDto"];

/** "4.3" or "4,3": one decimal, as the page's language writes it. */
export const oneDecimal = (value: number) => new Intl.NumberFormat(language.value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

/** The top of a survey's scale: 5 for a visit, 10 for NPS. */
export const maxScore = (kind: string) => (kind === "Nps" ? 10 : 5);

/** "★★★★☆" for a visit's score. */
export const stars = (score: number) => "★".repeat(score) + "☆".repeat(Math.max(0, 5 - score));

/** A week's Monday as "2 Nov" in the page's language (the date itself, whatever the browser's zone). */
export const weekLabel = (monday: string) =>
  new Intl.DateTimeFormat(language.value, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${monday}T00:00:00Z`));
