export type { Closure, HotlineSchedule, TimeRange, Weekday, WeeklyHours } from './opening-hours';
export {
  WEEKDAYS,
  currentOrNextOpening,
  everyDay,
  isOpenAt,
  isValidLocalDate,
  isValidTimeOfDay,
  isValidZone,
  localDateOf,
  openingsOn,
  scheduleProblems,
} from './opening-hours';
export type { GapScore, PlannedShift, ShiftTemplate, StaffedShift, TimeSpan } from './shift-plan';
export { MAX_HEADCOUNT, gapScore, overlaps, planShifts, shiftTemplateProblems } from './shift-plan';
