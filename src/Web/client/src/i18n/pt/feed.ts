import type { feed as en } from "../en/feed";

// Portuguese (Portugal) strings of a calendar feed's panel, typed against the English ones: a missing key fails the build.
export const feed: Record<keyof typeof en, string> = {
  "feed.on": "Ativo desde",
  "feed.url": "Subscreva este endereço numa aplicação de calendário",
  "feed.onceOnly": "O endereço só é mostrado agora; emitir de novo substitui-o.",
  "feed.issue": "Emitir endereço",
  "feed.replace": "Substituir o endereço",
  "feed.revoke": "Desligar",
};
