// Every string a user reads, in English: the reference catalogue, one file per area under en/ (so screens can grow
// their own without touching each other's). Other languages have the same keys, typed against these.
import { common } from "./en/common";
import { dispatch } from "./en/dispatch";
import { login } from "./en/login";
import { office } from "./en/office";
import { chat } from "./en/chat";
import { portal } from "./en/portal";
import { jobs } from "./en/jobs";
import { documents } from "./en/documents";
import { appointment } from "./en/appointment";
import { tech } from "./en/tech";
import { feed } from "./en/feed";
import { planning } from "./en/planning";
import { job } from "./en/job";
import { travel } from "./en/travel";
import { bell } from "./en/bell";
import { track } from "./en/track";
import { messages } from "./en/messages";
import { unsubscribe } from "./en/unsubscribe";
import { plans } from "./en/plans";
import { invoiceMoney } from "./en/invoiceMoney";
import { money } from "./en/money";
import { payments } from "./en/payments";
import { wallet } from "./en/wallet";
import { support } from "./en/support";
import { helpCenter } from "./en/helpCenter";
import { feedback } from "./en/feedback";

export const en = { ...common, ...dispatch, ...login, ...office, ...chat, ...portal, ...jobs, ...documents, ...appointment, ...tech, ...feed, ...planning, ...job, ...travel, ...bell, ...track, ...messages, ...unsubscribe, ...plans, ...invoiceMoney, ...money, ...payments, ...wallet, ...support, ...helpCenter, ...feedback };

export type MessageKey = keyof typeof en;
