// The closed lists live with the console protocol, so the wrap-up form offers the same ones.
export {
  AGE_BANDS,
  CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_TYPES,
  NON_COUNSELLING_TYPES,
  CRISIS_RISK_LEVELS,
  DIRECTIONS,
  GENDERS,
  GRADES,
  MAX_TOPICS,
  RISK_LEVELS,
  type AgeBand,
  type Channel,
  type ContactOutcome,
  type ContactType,
  type Direction,
  type Gender,
  type Grade,
  type RiskLevel,
} from '@hotline/console-protocol';
export { CALLER_TYPES, type CallerType } from '../calls/call.entity';
