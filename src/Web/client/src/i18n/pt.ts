import type { MessageKey } from "./en";

// Portuguese (Portugal). Typed against en.ts: every key must be here.
export const pt: Record<MessageKey, string> = {
  "app.name": "OrleansPortal",
  "common.loading": "A carregar…",
  "common.close": "Fechar",
  "common.cancel": "Cancelar",
  "common.save": "Guardar",
  "common.language": "Idioma",

  "login.title": "Entrar no despacho",
  "login.pageTitle": "Entrar · OrleansPortal",
  "login.email": "Email",
  "login.password": "Palavra-passe",
  "login.submit": "Entrar",
  "login.wrong": "Email ou palavra-passe errados.",
  "login.throttled": "Demasiadas tentativas; aguarde um minuto e tente de novo.",
  "login.failed": "Não foi possível entrar ({status}). Tente de novo.",
};
