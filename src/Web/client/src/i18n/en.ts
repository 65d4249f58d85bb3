// Every string a user reads, in English: the reference catalogue, one file per area under en/ (so screens can grow
// their own without touching each other's). Other languages have the same keys, typed against these.
import { common } from "./en/common";
import { dispatch } from "./en/dispatch";
import { login } from "./en/login";
import { office } from "./en/office";

export const en = { ...common, ...dispatch, ...login, ...office };

export type MessageKey = keyof typeof en;
