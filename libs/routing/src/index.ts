export type {
  CallOutcome,
  CallPhase,
  CallPriority,
  Channel,
  ChosenPresence,
  EnqueueResult,
  IncomingCall,
  QueuePosition,
  QueueSnapshot,
  RoutingEffect,
  RoutingPolicy,
  RoutingStrategy,
  VolunteerProfile,
  VolunteerState,
  VolunteerView,
  WaitingCallView,
} from './types';
export type { RoutingErrorCode } from './routing-error';
export { RoutingError } from './routing-error';
export {
  CONNECT_DEADLINE_SECONDS,
  CONNECT_RECHECK_SECONDS,
  DEFAULT_MAX_CHATS,
  RoutingEngine,
} from './routing-engine';
export { EscalationLadder } from './escalation-ladder';
export type { LadderRung } from './escalation-ladder';
