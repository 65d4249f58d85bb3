import { mount } from "../../../components/mount";
import { TravelTimesScreen } from "./TravelTimesScreen";

mount(() => <TravelTimesScreen />);
