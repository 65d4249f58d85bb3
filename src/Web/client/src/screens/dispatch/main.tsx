import { mount } from "../../components/mount";
import { DispatchScreen } from "./DispatchScreen";

mount(() => <DispatchScreen />);
