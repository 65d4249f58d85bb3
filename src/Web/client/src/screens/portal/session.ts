// Who is signed in (GET /api/v1/portal/me), read by every section: the company's time zone dates everything shown.
import { signal } from "@preact/signals";
import type { components } from "../../api/schema";

export type PortalMe = components["schemas"]["PortalMeDto"];

export const me = signal<PortalMe | null>(null);

/** The company's time zone (appointment windows are its wall clock), else this browser's until /me has answered. */
export function zone(): string {
  return me.value?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
