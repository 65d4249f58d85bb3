// The device API does not say which time zone the company keeps; the phone is where the jobs are, so its own zone
// shows the same clock times as the dispatcher's board.
export const phoneZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
