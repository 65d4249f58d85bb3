// Portuguese strings of the portal's payment history.
import type { payments as en } from "../en/payments";

export const payments: Record<keyof typeof en, string> = {
  "payments.history": "Histórico de pagamentos",
  "payments.none": "Ainda não há pagamentos.",
  "payments.loadFailed": "Não foi possível carregar o histórico de pagamentos.",
  "payments.for": "Referente a {invoices}",
  "payments.receipt": "Recibo (PDF)",
  "payments.receiptOf": "Recibo do pagamento de {amount} em {day} (PDF)",
  "payments.method.card": "Cartão",
  "payments.method.sepa_debit": "Débito Direto SEPA",
  "payments.method.us_bank_account": "Conta bancária (ACH)",
  "payments.status.Processing": "Em processamento",
  "payments.status.Succeeded": "Pago",
  "payments.status.Failed": "Falhou",
  "payments.status.Canceled": "Cancelado",
};
