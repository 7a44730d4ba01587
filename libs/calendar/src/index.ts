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
export type {
  BookingRules,
  BusySpan,
  DatedWindow,
  FreeSlot,
  SlotQuery,
  WeeklyWindow,
} from './booking-slots';
export {
  SLOT_QUANTUM_MINUTES,
  bookingRulesProblems,
  freeSlots,
  heldSteps,
  nearestSlots,
  windowProblems,
} from './booking-slots';
