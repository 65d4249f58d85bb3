// Portuguese (Portugal): the same areas as en.ts, each typed against its English file.
import type { MessageKey } from "./en";
import { common } from "./pt/common";
import { dispatch } from "./pt/dispatch";
import { login } from "./pt/login";
import { office } from "./pt/office";

export const pt: Record<MessageKey, string> = { ...common, ...dispatch, ...login, ...office };
