import { mount } from "../../../components/mount";
import { CustomersScreen } from "./CustomersScreen";

mount(() => <CustomersScreen />);
