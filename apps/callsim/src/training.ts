import { HotlineApi, findByEmail } from './api';
import type { HotlineTime } from './hotline-time';

export interface TrainingOptions {
  /** Signed in as a supervisor, coordinator or admin (or as the volunteer themself). */
  api: HotlineApi;
  time: HotlineTime;
  volunteerEmail: string;
  topic?: string;
  script?: string[];
  /** Hotline seconds between the caller's lines. */
  lineSeconds?: number;
  /** Hotline seconds to wait for the volunteer to accept. */
  ringSeconds?: number;
  say?: (line: string) => void;
}

export interface TrainingCall {
  id: string;
  volunteerId: string;
  topic: string;
  status: 'offered' | 'talking' | 'ended';
  outcome?: string;
  script: string[];
  training: true;
}

/**
 * One practice call: rung on the volunteer's console (marked training, no telephony, no
 * statistics); once they accept, the scripted caller says their lines and hangs up.
 */
export async function runTraining(options: TrainingOptions): Promise<TrainingCall> {
  const say = options.say ?? (() => undefined);
  const volunteerId = await volunteerIdOf(options.api, options.volunteerEmail);
  let call = await options.api.json<TrainingCall>('POST', '/api/training-calls', {
    volunteerId,
    ...(options.topic ? { topic: options.topic } : {}),
    ...(options.script ? { script: options.script } : {}),
  });
  say(`practice call ${call.id} ringing on ${options.volunteerEmail} (topic ${call.topic})`);
  const giveUpAt = options.time.nowMillis() + (options.ringSeconds ?? 60) * 1000;
  while (call.status === 'offered' && options.time.nowMillis() < giveUpAt) {
    await options.time.sleep(1);
    call = await options.api.json<TrainingCall>('GET', `/api/training-calls/${call.id}`);
  }
  if (call.status === 'offered') {
    call = await options.api.json<TrainingCall>('POST', `/api/training-calls/${call.id}/end`);
    say('not accepted in time: the practice caller hung up');
    return call;
  }
  if (call.status === 'ended') {
    say('the practice call was not taken');
    return call;
  }
  say('accepted: the practice caller speaks');
  for (const line of call.script) {
    say(`  caller: ${line}`);
    await options.time.sleep(options.lineSeconds ?? 8);
  }
  call = await options.api.json<TrainingCall>('POST', `/api/training-calls/${call.id}/end`);
  say('the practice caller hung up');
  return call;
}

async function volunteerIdOf(api: HotlineApi, email: string): Promise<string> {
  const me = await api.json<{ id: string; email: string }>('GET', '/api/me');
  if (me.email === email.toLowerCase()) return me.id;
  const person = await findByEmail(api, email);
  if (!person) throw new Error(`no volunteer with the e-mail address ${email}`);
  return person.id;
}
