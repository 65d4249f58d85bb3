// Portuguese (Portugal): the same areas as en.ts, each typed against its English file.
import type { MessageKey } from "./en";
import { common } from "./pt/common";
import { dispatch } from "./pt/dispatch";
import { login } from "./pt/login";
import { office } from "./pt/office";
import { chat } from "./pt/chat";
import { portal } from "./pt/portal";
import { jobs } from "./pt/jobs";
import { documents } from "./pt/documents";
import { appointment } from "./pt/appointment";
import { tech } from "./pt/tech";
import { feed } from "./pt/feed";
import { planning } from "./pt/planning";
import { job } from "./pt/job";
import { travel } from "./pt/travel";
import { bell } from "./pt/bell";
import { track } from "./pt/track";
import { messages } from "./pt/messages";
import { unsubscribe } from "./pt/unsubscribe";
import { plans } from "./pt/plans";
import { invoiceMoney } from "./pt/invoiceMoney";
import { money } from "./pt/money";
import { payments } from "./pt/payments";
import { wallet } from "./pt/wallet";
import { support } from "./pt/support";
import { helpCenter } from "./pt/helpCenter";

export const pt: Record<MessageKey, string> = { ...common, ...dispatch, ...login, ...office, ...chat, ...portal, ...jobs, ...documents, ...appointment, ...tech, ...feed, ...planning, ...job, ...travel, ...bell, ...track, ...messages, ...unsubscribe, ...plans, ...invoiceMoney, ...money, ...payments, ...wallet, ...support, ...helpCenter };
