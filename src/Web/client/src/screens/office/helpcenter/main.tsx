import { mount } from "../../../components/mount";
import { HelpCenterScreen } from "./HelpCenterScreen";

mount(() => <HelpCenterScreen />);
