import { mount } from "../../components/mount";
import { UnsubscribeScreen } from "./UnsubscribeScreen";

// The page is served at /u/{token}: the token is the last segment of the path.
mount(() => <UnsubscribeScreen token={location.pathname.split("/").filter(Boolean)[1] ?? ""} />);
