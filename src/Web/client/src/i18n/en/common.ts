// English strings of common. The reference: pt/common.ts must have the same keys.
export const common = {
  "app.name": "OrleansPortal",
  "common.loading": "Loading…",
  "common.close": "Close",
  "common.cancel": "Cancel",
  "common.save": "Save",
  "common.saved": "Saved.",
  "common.language": "Language",
} as const;
