import type { MessageKey } from "../../i18n/en";
import { t } from "../../i18n/i18n";

const labels: Record<string, MessageKey> = {
  Pending: "documents.status.Pending",
  Approved: "documents.status.Approved",
  Declined: "documents.status.Declined",
  Expired: "documents.status.Expired",
  Open: "documents.status.Open",
  Paid: "documents.status.Paid",
  PartiallyPaid: "documents.status.PartiallyPaid",
  Refunded: "documents.status.Refunded",
  Credited: "documents.status.Credited",
  WrittenOff: "documents.status.WrittenOff",
  Overdue: "documents.status.Overdue",
};

/** An estimate's or invoice's status in the reader's language (an unknown one as the API says it). */
export function documentStatusLabel(status: string): string {
  const key = labels[status];
  return key ? t(key) : status;
}
