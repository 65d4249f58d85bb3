import type { common as en } from "../en/common";

// Portuguese (Portugal) strings of common, typed against the English ones: a missing key fails the build.
export const common: Record<keyof typeof en, string> = {
  "app.name": "OrleansPortal",
  "common.loading": "A carregar…",
  "common.close": "Fechar",
  "common.cancel": "Cancelar",
  "common.save": "Guardar",
  "common.saved": "Guardado.",
  "common.language": "Idioma",
};
