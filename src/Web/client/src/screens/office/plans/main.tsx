import { mount } from "../../../components/mount";
import { PlansScreen } from "./PlansScreen";

mount(() => <PlansScreen />);
