import { mount } from "../../../components/mount";
import { PlanningScreen } from "./PlanningScreen";

mount(() => <PlanningScreen />);
