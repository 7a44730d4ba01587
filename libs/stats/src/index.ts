export type {
  CallFacts,
  ChatFacts,
  ContactFacts,
  Contribution,
  Metric,
  TallyFacts,
} from './contributions';
export {
  CellSums,
  CALL_METRICS,
  CHAT_METRICS,
  CONTACT_METRICS,
  MAX_WAIT_BUCKET,
  NOT_CATEGORISED,
  UNKNOWN,
  callContributions,
  chatContributions,
  contactContributions,
  difference,
  localDay,
  monthsOf,
  tallyContributions,
} from './contributions';
export { percent, sharesOf } from './shares';
export { periodParts } from './periods';
export type { PeriodParts } from './periods';
export { suppressedCells, tableGroups } from './suppression';
