import { mount } from "../../components/mount";
import { LoginScreen } from "./LoginScreen";

mount(() => <LoginScreen />);
