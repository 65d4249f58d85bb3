import { mount } from "../../../components/mount";
import { TechniciansScreen } from "./TechniciansScreen";

mount(() => <TechniciansScreen />);
