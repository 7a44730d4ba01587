export type {
  CallProgressEvent,
  OutboundCall,
  ParticipantOptions,
  RecordingAudio,
  TwilioAccount,
} from './twilio-rest';
export { TwilioRest } from './twilio-rest';
export type { WebhookParams } from './webhook-signature';
export { isSignedByTwilio, signAsTwilio } from './webhook-signature';
export type { SayVoice } from './say-voices';
export { SAY_VOICES, sayVoiceProblem, voicesFor } from './say-voices';
