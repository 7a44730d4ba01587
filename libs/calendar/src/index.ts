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
