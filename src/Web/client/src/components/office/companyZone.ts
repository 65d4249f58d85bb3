import { signal } from "@preact/signals";
import { api } from "../../api/client";

/** The company's IANA time zone, in which the office reads every time; the browser's own until the company answers. */
export const companyZone = signal(Intl.DateTimeFormat().resolvedOptions().timeZone);

let asked = false;

/** Asks the company once per page for its zone. */
export function loadCompanyZone(): void {
  if (asked) return;
  asked = true;
  void api.GET("/api/v1/company").then(({ data }) => { if (data?.timeZone) companyZone.value = data.timeZone; });
}
