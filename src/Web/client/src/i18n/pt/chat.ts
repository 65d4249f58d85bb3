import type { chat as en } from "../en/chat";

// Portuguese (Portugal) strings of chat, typed against the English ones: a missing key fails the build.
export const chat: Record<keyof typeof en, string> = {
  "chat.typing": "{name} está a escrever…",
  "chat.someone": "Alguém",
  "chat.conversations": "Conversas",
  "chat.general": "Geral",
  "chat.unread": "{count} por ler",
  "chat.messages": "Mensagens",
  "chat.older": "Mostrar mensagens anteriores",
  "chat.none": "Ainda não há mensagens: escreva a primeira.",
  "chat.loadFailed": "Não foi possível carregar esta conversa; tente de novo daqui a pouco.",
  "chat.yourMessage": "A sua mensagem",
  "chat.reply": "Resposta",
  "chat.photos": "Fotografias (até 4: JPEG, PNG ou WebP, 5 MB cada)",
  "chat.internal": "Nota interna",
  "chat.internalNote": "nota interna",
  "chat.send": "Enviar",
  "chat.empty": "Escreva uma mensagem ou junte uma fotografia.",
  "chat.tooBig": "Uma fotografia é demasiado grande: no máximo 5 MB cada.",
  "chat.sendFailed": "A mensagem não foi enviada ({status}); tente de novo.",
  "chat.photo": "Fotografia {name}",
};
