import type { bell as english } from "../en/bell";

// Portuguese (Portugal) strings of the bell, typed against the English ones.

export const bell: Record<keyof typeof english, string> = {
  "bell.open": "Notificações",
  "bell.unread": "{count} por ler",
  "bell.title": "Notificações",
  "bell.empty": "Ainda nada. As mensagens sobre as suas visitas aparecem aqui.",
  "bell.readAll": "Marcar todas como lidas",
  "bell.view": "Ver marcação",
  "bell.close": "Fechar",
};
