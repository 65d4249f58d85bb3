import { mount } from "../../../components/mount";
import { MoneyScreen } from "./MoneyScreen";

mount(() => <MoneyScreen />);
