import { api } from "../../api/client";

/**
 * The company's currency (ISO 4217), in which the office's new estimates, invoices and plans start; null when the
 * company cannot be read (the form's field then stays empty, and the server uses the company's currency for it).
 */
export async function companyCurrency(): Promise<string | null> {
  const { data } = await api.GET("/api/v1/company");
  return data?.currency ?? null;
}
