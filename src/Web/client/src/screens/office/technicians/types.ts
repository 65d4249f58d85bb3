import type { components } from "../../../api/schema";

export type Technician = components["schemas"]["TechnicianDto"];
export type Schedule = components["schemas"]["TechnicianSchedule"];
export type Device = components["schemas"]["DeviceDto"];
export type IssuedDevice = components["schemas"]["IssuedDeviceDto"];
export type DayOfWeek = components["schemas"]["DayOfWeek"];

export const weekdays: DayOfWeek[] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
