// The portal's notification centre (the bell).
export const bell = {
  "bell.open": "Notifications",
  "bell.unread": "{count} unread",
  "bell.title": "Notifications",
  "bell.empty": "Nothing yet. Messages about your visits will appear here.",
  "bell.readAll": "Mark all as read",
  "bell.view": "View appointment",
  "bell.close": "Close",
};
