import { mount } from "../../../components/mount";
import { SupportScreen } from "./SupportScreen";

mount(() => <SupportScreen />);
