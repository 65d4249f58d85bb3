import { mount } from "../../components/mount";
import { PortalScreen } from "./PortalScreen";

mount(() => <PortalScreen />);
