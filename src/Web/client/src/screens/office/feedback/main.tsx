import { mount } from "../../../components/mount";
import { FeedbackScreen } from "./FeedbackScreen";

mount(() => <FeedbackScreen />);
