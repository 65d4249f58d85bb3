import { mount } from "../../../components/mount";
import { JobScreen } from "./JobScreen";

mount(() => <JobScreen />);
