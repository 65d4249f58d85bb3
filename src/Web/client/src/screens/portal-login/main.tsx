import { mount } from "../../components/mount";
import { MagicLinkScreen } from "./MagicLinkScreen";

// Read before anything renders, then out of the address bar and history: the token is a credential until it is used.
const token = new URLSearchParams(location.search).get("token");
history.replaceState(null, "", location.pathname);

mount(() => <MagicLinkScreen token={token} />);
