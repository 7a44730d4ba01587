export type { CallFacts, ContactFacts, Contribution, Metric } from './contributions';
export {
  CALL_METRICS,
  CONTACT_METRICS,
  MAX_WAIT_BUCKET,
  NOT_CATEGORISED,
  UNKNOWN,
  callContributions,
  contactContributions,
  difference,
  localDay,
} from './contributions';
export { percent, sharesOf } from './shares';
