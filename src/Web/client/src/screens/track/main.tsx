import { mount } from "../../components/mount";
import { TrackScreen } from "./TrackScreen";

// The page is served at /track/{token}: the token is the last segment of the path.
mount(() => <TrackScreen token={location.pathname.split("/").filter(Boolean)[1] ?? ""} />);
