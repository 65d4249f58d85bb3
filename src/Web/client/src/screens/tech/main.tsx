import { mount } from "../../components/mount";
import { takeTokenFromAddress } from "./deviceToken";
import { TechScreen } from "./TechScreen";

takeTokenFromAddress(); // before anything is drawn or sent, so the secret leaves the address bar at once
mount(() => <TechScreen />);
