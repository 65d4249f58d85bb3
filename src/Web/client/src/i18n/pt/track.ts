import type { track as en } from "../en/track";

// Portuguese (Portugal) strings of track, typed against the English ones: a missing key fails the build.
export const track: Record<keyof typeof en, string> = {
  "track.pageTitle": "A sua visita",
  "track.loading": "A carregar a sua visita…",
  "track.gone": "Esta ligação de acompanhamento já não é válida. A sua empresa de serviços pode enviar-lhe uma nova.",
  "track.yourTechnician": "O seu técnico",
  "track.headline.scheduled": "A sua visita está marcada",
  "track.headline.assigned": "{name} vai visitá-lo",
  "track.headline.enRoute": "{name} está a caminho",
  "track.headline.arrived": "{name} chegou",
  "track.headline.completed": "A visita está concluída",
  "track.headline.cancelled": "A visita foi cancelada",
};
