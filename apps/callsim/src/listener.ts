import { HotlineApi } from './api';
import type { Random } from './distributions';
import type { HotlineTime } from './hotline-time';
import type { VolunteerAccount } from './volunteer';

/** Twilio's side of an answered call's conference, as the simulated caller plays it. */
export interface ConferenceSide {
  /** The CallSid of the participant with this label, once the hotline added them. */
  participant(label: string): string | undefined;
  /** Posts the conference's status callback. */
  event(statusEvent: string, callSid: string, label: string): Promise<unknown>;
}

/** A call the listening supervisor joined, or tried to. */
export interface Listened {
  callId: string;
  at: number;
  /** listened: joined muted; refused: the server said no (the call had just ended). */
  result: 'listened' | 'refused';
}

/**
 * A supervisor on the wall who listens to a sample of the evening's calls: once a volunteer
 * has answered, with probability `sample` they join muted (`POST /api/calls/:id/monitor`),
 * their phone enters the conference at the fake Twilio, and after `seconds` they leave.
 */
export class SimListener {
  readonly heard: Listened[] = [];

  constructor(
    readonly account: VolunteerAccount,
    private readonly api: HotlineApi,
    private readonly time: HotlineTime,
    private readonly sample: number,
    private readonly seconds: number,
    private readonly random: Random,
  ) {}

  async answered(callId: string, conference: ConferenceSide): Promise<void> {
    if (this.random.next() >= this.sample) return;
    const at = this.time.nowMillis();
    const joined = await this.api.request('POST', `/api/calls/${callId}/monitor`, {
      mode: 'listen',
    });
    if (joined.status !== 200) return void this.heard.push({ callId, at, result: 'refused' });
    const label = `supervisor-${this.account.id}`;
    const leg = conference.participant(label);
    if (leg) await conference.event('participant-join', leg, label);
    this.heard.push({ callId, at, result: 'listened' });
    await this.time.sleep(this.seconds);
    // Gone already when the caller hung up first (404): nothing to leave.
    await this.api.request('DELETE', `/api/calls/${callId}/monitor`);
  }
}
