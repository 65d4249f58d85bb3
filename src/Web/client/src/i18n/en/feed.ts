// English strings of a calendar feed's panel (the office's technician page, the customer's portal). The reference: pt/feed.ts must have the same keys.
export const feed = {
  "feed.on": "On since",
  "feed.url": "Subscribe to this address in a calendar app",
  "feed.onceOnly": "The address is shown only now; issuing again replaces it.",
  "feed.issue": "Issue a feed address",
  "feed.replace": "Replace the address",
  "feed.revoke": "Turn off",
} as const;
