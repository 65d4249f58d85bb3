import { mount } from "../../../components/mount";
import { NotificationsScreen } from "./NotificationsScreen";

mount(() => <NotificationsScreen />);
