// The widget's own words, in the visitor's language (English, else Portuguese when the browser asks for it). The
// widget does not load the portal's i18n: it runs on another company's page and stays one small file.

const en = {
  launcher: "Help and contact",
  title: "Help",
  close: "Close",
  loading: "Connecting…",
  unavailable: "The help desk is not available on this website.",
  failed: "Something went wrong. Try again in a moment.",
  tabHelp: "Help",
  tabContact: "Contact us",
  search: "Search the help center",
  searchButton: "Search",
  noArticles: "No article matches. Try other words, or write to us.",
  searchedAs: "Searched as:",
  name: "Your name",
  email: "Your email",
  subject: "Subject (optional)",
  message: "Your message",
  send: "Send",
  sent: "Thank you: we received your message and will answer by email.",
  sentCase: "Thank you: your request {number} is open. We will answer by email.",
  yourCases: "Your requests",
  tabChat: "Chat",
  chatLog: "Conversation with the team",
  chatEmpty: "No messages yet. Write to the team: they answer here.",
  chatMessage: "Message to the team",
  chatSend: "Send message",
  chatImages: "(images: see them in the customer portal)",
  you: "You",
  status: { New: "received", Open: "open", WaitingOnCustomer: "waiting for you", Resolved: "resolved", Closed: "closed" } as Record<string, string>,
};

export type WidgetTexts = typeof en;

const pt: WidgetTexts = {
  launcher: "Ajuda e contacto",
  title: "Ajuda",
  close: "Fechar",
  loading: "A ligar…",
  unavailable: "O apoio ao cliente não está disponível neste site.",
  failed: "Algo correu mal. Tente novamente daqui a pouco.",
  tabHelp: "Ajuda",
  tabContact: "Contacte-nos",
  search: "Pesquisar no centro de ajuda",
  searchButton: "Pesquisar",
  noArticles: "Nenhum artigo corresponde. Tente outras palavras, ou escreva-nos.",
  searchedAs: "Pesquisado como:",
  name: "O seu nome",
  email: "O seu email",
  subject: "Assunto (opcional)",
  message: "A sua mensagem",
  send: "Enviar",
  sent: "Obrigado: recebemos a sua mensagem e responderemos por email.",
  sentCase: "Obrigado: o seu pedido {number} está aberto. Responderemos por email.",
  yourCases: "Os seus pedidos",
  tabChat: "Conversa",
  chatLog: "Conversa com a equipa",
  chatEmpty: "Ainda sem mensagens. Escreva à equipa: a resposta aparece aqui.",
  chatMessage: "Mensagem para a equipa",
  chatSend: "Enviar mensagem",
  chatImages: "(imagens: veja-as no portal de cliente)",
  you: "Você",
  status: { New: "recebido", Open: "aberto", WaitingOnCustomer: "à sua espera", Resolved: "resolvido", Closed: "fechado" },
};

/** The texts for a BCP 47 language tag ("pt-PT" → Portuguese), and the help center language to search in. */
export function textsFor(tag: string): { texts: WidgetTexts; language: string } {
  const language = tag.split("-")[0]?.toLowerCase() ?? "en";
  return { texts: language === "pt" ? pt : en, language };
}
