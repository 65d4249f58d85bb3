import { mount } from "../../components/mount";
import { AppointmentScreen } from "./AppointmentScreen";

mount(() => <AppointmentScreen id={new URLSearchParams(location.search).get("id") ?? ""} />);
