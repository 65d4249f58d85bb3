import type { unsubscribe as en } from "../en/unsubscribe";

// Portuguese (Portugal) strings of the unsubscribe page, typed against the English ones: a missing key fails the build.
export const unsubscribe: Record<keyof typeof en, string> = {
  "unsubscribe.pageTitle": "Cancelar subscrição",
  "unsubscribe.loading": "A carregar…",
  "unsubscribe.gone": "Este link de cancelamento não é válido. Se continuar a receber marketing, contacte a empresa que o enviou.",
  "unsubscribe.failed": "Não foi possível. Tente novamente daqui a pouco.",
  "unsubscribe.emails": "emails de marketing",
  "unsubscribe.texts": "SMS de marketing",
  "unsubscribe.question": "Deixar de receber {what} de {company}?",
  "unsubscribe.explain": "São enviados para {address}.",
  "unsubscribe.serviceStays": "As mensagens sobre as suas visitas, documentos e links de acesso continuam a chegar.",
  "unsubscribe.unsubscribe": "Cancelar subscrição",
  "unsubscribe.done": "A sua subscrição foi cancelada",
  "unsubscribe.doneExplain": "{address} não voltará a receber {what} de {company}.",
  "unsubscribe.subscribe": "Subscrever novamente",
  "unsubscribe.subscribedAgain": "Voltou a subscrever.",
};
