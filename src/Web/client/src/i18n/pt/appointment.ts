import type { appointment as en } from "../en/appointment";

// Portuguese (Portugal) strings of appointment, typed against the English ones: a missing key fails the build.
export const appointment: Record<keyof typeof en, string> = {
  "appointment.pageTitle": "A sua marcação",
  "appointment.back": "Portal",
  "appointment.live": "Ao vivo",
  "appointment.offline": "A religar…",
  "appointment.status": "Estado",
  "appointment.window": "Horário de chegada",
  "appointment.expected": "Previsto",
  "appointment.technician": "Técnico",
  "appointment.notAssigned": "ainda não atribuído",
  "appointment.technicianPhoto": "Fotografia de {name}",
  "appointment.onTheWay": "A caminho",
  "appointment.map": "Mapa do seu técnico a caminho da sua morada",
  "appointment.technicianMarker": "Posição do seu técnico",
  "appointment.legendTechnician": "O seu técnico",
  "appointment.homeMarker": "A sua morada",
  "appointment.positionAt": "Posição às {time}",
  "appointment.zoomIn": "Aproximar",
  "appointment.zoomOut": "Afastar",
  "appointment.progress": "Progresso",
  "appointment.missing": "Esta marcação não foi encontrada.",
  "appointment.backToPortal": "Voltar ao portal",
};
