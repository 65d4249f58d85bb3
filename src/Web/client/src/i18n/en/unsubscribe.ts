// English strings of the unsubscribe page (behind a marketing message's link). pt/unsubscribe.ts has the same keys.
export const unsubscribe = {
  "unsubscribe.pageTitle": "Unsubscribe",
  "unsubscribe.loading": "Loading…",
  "unsubscribe.gone": "This unsubscribe link is not valid. If marketing still reaches you, ask the company that sent it.",
  "unsubscribe.failed": "That did not work. Try again in a moment.",
  "unsubscribe.emails": "marketing emails",
  "unsubscribe.texts": "marketing text messages",
  "unsubscribe.question": "Stop {what} from {company}?",
  "unsubscribe.explain": "They go to {address}.",
  "unsubscribe.serviceStays": "Messages about your visits, documents and sign-in links are not affected.",
  "unsubscribe.unsubscribe": "Unsubscribe",
  "unsubscribe.done": "You are unsubscribed",
  "unsubscribe.doneExplain": "{address} will get no more {what} from {company}.",
  "unsubscribe.subscribe": "Subscribe again",
  "unsubscribe.subscribedAgain": "You are subscribed again.",
} as const;
