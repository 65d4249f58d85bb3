// English strings of track (the tracking-link page for customers who do not sign in). pt/track.ts has the same keys.
export const track = {
  "track.pageTitle": "Your visit",
  "track.loading": "Loading your visit…",
  "track.gone": "This tracking link is no longer valid. Your service company can send you a new one.",
  "track.yourTechnician": "Your technician",
  "track.headline.scheduled": "Your visit is booked",
  "track.headline.assigned": "{name} will visit you",
  "track.headline.enRoute": "{name} is on the way",
  "track.headline.arrived": "{name} has arrived",
  "track.headline.completed": "The visit is complete",
  "track.headline.cancelled": "The visit was cancelled",
} as const;
