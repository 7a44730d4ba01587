import { randomUUID } from 'node:crypto';
import type { Call } from '../../apps/hotline/src/calls/call.entity';
import type { Volunteer } from '../../apps/hotline/src/volunteers/volunteer.entity';

/** A volunteer's row as service specs insert it: active, signing in from the browser. */
export function volunteerRow(
  now: Date,
  fields: Partial<Volunteer> = {},
): Omit<Volunteer, 'hasRole' | 'worksFor' | 'hotlineIds'> {
  const id = fields.id ?? randomUUID();
  return {
    id,
    name: 'Wang Fang',
    email: `${id}@example.org`,
    passwordHash: '-',
    phoneEncrypted: null,
    expertKind: 'counsellor',
    topicSkills: [],
    languages: ['zh'],
    roles: ['volunteer'],
    softphoneIdentity: `client-${id}`,
    answerBy: 'browser',
    active: true,
    calendarFeedTokenHash: null,
    sessionVersion: 0,
    twoFactorSecretEncrypted: null,
    twoFactorEnabledAt: null,
    twoFactorLastStep: null,
    createdAt: now,
    updatedAt: now,
    deactivatedAt: null,
    hotlines: [],
    ...fields,
  };
}

/** A pupil's call waiting in the queue since `now`. */
export function waitingCallRow(now: Date, fields: Partial<Call> & Pick<Call, 'hotlineId'>): Call {
  const id = fields.id ?? randomUUID();
  return {
    id,
    callSid: `CA${id.replace(/-/g, '')}`,
    callerNumberEncrypted: null,
    callerHash: null,
    callerType: 'pupil',
    topic: 'emotional',
    priority: 'normal',
    status: 'waiting',
    outcome: null,
    queueSid: null,
    volunteerId: null,
    offerCount: 0,
    arrivedAt: now,
    queuedAt: now,
    firstOfferedAt: null,
    answeredAt: null,
    endedAt: null,
    waitSeconds: null,
    talkSeconds: null,
    training: false,
    updatedAt: now,
    ...fields,
  } as Call;
}
