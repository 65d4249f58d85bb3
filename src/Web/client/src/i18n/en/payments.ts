// English strings of the portal's payment history.
export const payments = {
  "payments.history": "Payment history",
  "payments.none": "No payments yet.",
  "payments.loadFailed": "The payment history could not be loaded.",
  "payments.for": "For {invoices}",
  "payments.receipt": "Receipt (PDF)",
  "payments.receiptOf": "Receipt of the payment of {amount} on {day} (PDF)",
  "payments.method.card": "Card",
  "payments.method.sepa_debit": "SEPA Direct Debit",
  "payments.method.us_bank_account": "Bank account (ACH)",
  "payments.status.Processing": "Processing",
  "payments.status.Succeeded": "Paid",
  "payments.status.Failed": "Failed",
  "payments.status.Canceled": "Canceled",
};
