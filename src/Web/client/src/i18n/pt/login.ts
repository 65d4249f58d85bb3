import type { login as en } from "../en/login";

// Portuguese (Portugal) strings of login, typed against the English ones: a missing key fails the build.
export const login: Record<keyof typeof en, string> = {
  "login.title": "Entrar no despacho",
  "login.pageTitle": "Entrar · OrleansPortal",
  "login.email": "Email",
  "login.password": "Palavra-passe",
  "login.submit": "Entrar",
  "login.wrong": "Email ou palavra-passe errados.",
  "login.throttled": "Demasiadas tentativas; aguarde um minuto e tente de novo.",
  "login.failed": "Não foi possível entrar ({status}). Tente de novo.",
};
