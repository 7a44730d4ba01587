export type { Clock } from './clock';
export { ManualClock, ScaledClock, SystemClock } from './clock';
