import twilio from 'twilio';

/** Twilio's conference status callbacks, signed like every voice webhook. */
export const CONFERENCE_PATH = '/twilio/voice/conference';

/** Each call has a conference of its own, named after it (its friendly name at Twilio). */
/** Where Twilio reports the end of a volunteer's or supervisor's leg. */
export const legStatusPath = (callId: string) => `${CONFERENCE_PATH}/leg?call=${callId}`;

export const conferenceName = (callId: string): string => `call-${callId}`;

/** The label the caller and the volunteer have in the conference (supervisors: `supervisor-<id>`). */
export const CALLER_LABEL = 'caller';
export const VOLUNTEER_LABEL = 'volunteer';
export const supervisorLabel = (volunteerId: string): string => `supervisor-${volunteerId}`;

/** The conference events the hotline follows: who comes and goes, and the end. */
const EVENTS: ('start' | 'end' | 'join' | 'leave' | 'mute' | 'hold')[] = [
  'start',
  'end',
  'join',
  'leave',
  'mute',
  'hold',
];

/**
 * The `<Conference>` of a call. The caller waits in it (Twilio's hold music) until the
 * volunteer enters, and the conference ends when the caller leaves; nobody hears a beep.
 * The status callback names the call, so any instance can follow it.
 */
export function joinConference(
  dial: ReturnType<twilio.twiml.VoiceResponse['dial']>,
  callId: string,
  who: typeof CALLER_LABEL | typeof VOLUNTEER_LABEL,
  url: (path: string) => string,
): void {
  dial.conference(
    {
      beep: 'false',
      startConferenceOnEnter: who === VOLUNTEER_LABEL,
      endConferenceOnExit: who === CALLER_LABEL,
      participantLabel: who,
      statusCallback: url(`${CONFERENCE_PATH}?call=${callId}`),
      statusCallbackMethod: 'POST',
      statusCallbackEvent: EVENTS,
    },
    conferenceName(callId),
  );
}

/** What the volunteer's own leg runs once they took the call: into the caller's conference. */
export function volunteerJoins(callId: string, url: (path: string) => string): string {
  const twiml = new twilio.twiml.VoiceResponse();
  joinConference(twiml.dial(), callId, VOLUNTEER_LABEL, url);
  return twiml.toString();
}
