import { eventually, onBreak } from '../../support/duty';
import { addPerson } from '../../support/people';
import type { RunningHotline } from '../../support/hotline-server';
import { Answer, PhoneCall } from '../../support/twilio';

/** Twilio waits 15 s; the server promises an answer within this. */
export const ANSWER_WITHIN_MS = 3_000;

export interface FaultCounts {
  tried: number;
  inTime: number;
  held: number;
  late: { path: string; ms: number; problem?: string }[];
}

export interface Timed extends Answer {
  path: string;
  ms: number;
}

const HOLD_REDIRECT = /<Redirect method="POST">\/twilio\/voice\/([^<]*hold=\d+[^<]*)<\/Redirect>/;

/** The step a hold sends Twilio back to (`menu?step=caller&Digits=9&hold=1`), or null. */
export const holdTarget = (twiml: string): string | null =>
  HOLD_REDIRECT.exec(twiml)?.[1].replace(/&amp;/g, '&') ?? null;

const isHeld = (path: string, twiml: string): boolean =>
  holdTarget(twiml) !== null ||
  (path.startsWith('wait') && twiml.includes('<Pause length="5"/>') && !twiml.includes('<Say'));

/**
 * Counts every webhook of a fault test: each must be valid TwiML (the shared check in
 * PhoneCall) within `ANSWER_WITHIN_MS`.
 */
export class WebhookTally {
  readonly counts: FaultCounts = { tried: 0, inTime: 0, held: 0, late: [] };

  async post(call: PhoneCall, path: string, params: Record<string, string> = {}): Promise<Timed> {
    const started = Date.now();
    this.counts.tried++;
    try {
      const answer = await call.post(path, params);
      const ms = Date.now() - started;
      if (answer.status === 200 && ms <= ANSWER_WITHIN_MS) this.counts.inTime++;
      else this.counts.late.push({ path, ms, problem: `status ${answer.status}` });
      if (isHeld(path, answer.twiml)) this.counts.held++;
      return { ...answer, path, ms };
    } catch (error) {
      const ms = Date.now() - started;
      this.counts.late.push({ path, ms, problem: (error as Error).message });
      return { status: 0, twiml: '', path, ms };
    }
  }

  /** Follows a held call's redirects (at most `limit`), as Twilio would; the last answer. */
  async follow(call: PhoneCall, answer: Timed, limit = 10): Promise<Timed> {
    let last = answer;
    for (let i = 0; i < limit; i++) {
      const target = holdTarget(last.twiml);
      if (!target) return last;
      last = await this.post(call, target);
    }
    return last;
  }

  report(label: string): string {
    const { tried, inTime, held, late } = this.counts;
    const line = `${label}: tried ${tried}, answered in time ${inTime}, held ${held}`;
    console.log(late.length ? `${line}; late or invalid: ${JSON.stringify(late)}` : line);
    return line;
  }
}

/** Every webhook answered valid TwiML in time, and some callers were held. */
export function expectEveryAnswerInTime(counts: FaultCounts): void {
  if (counts.late.length > 0 || counts.inTime !== counts.tried)
    throw new Error(`late or invalid answers: ${JSON.stringify(counts.late)}`);
  if (counts.held === 0) throw new Error('nobody was held: the fault did not bite');
}

/** A caller in danger may be queued, held, or forwarded to the crisis line: never hung up. */
export function expectNotHungUpInDanger(answer: Timed): void {
  const forwarded = /<Dial[^>]*>\d+<\/Dial>/.test(answer.twiml);
  const queued = answer.twiml.includes('<Enqueue');
  const held = holdTarget(answer.twiml) !== null;
  if (!(forwarded || queued || held))
    throw new Error(`a caller in danger was not kept: ${answer.twiml}`);
}

/** Calls set up one by one, a fault of seconds and the recovery after it. */
export const FAULT_TEST_TIMEOUT_MS = 120_000;

export interface Scenario {
  server: RunningHotline;
  admin: string;
  breakDatabase(): Promise<void>;
  healDatabase(): Promise<void>;
  /** How long the fault lasts at least (from the burst's start). */
  faultMs: number;
  label: string;
}

/**
 * Calls in every state, then a burst of webhooks of every kind while the database is
 * broken, then recovery: the answers, the crisis callers, and the records afterwards.
 */
export async function burstThroughFault(scenario: Scenario): Promise<FaultCounts> {
  const { server } = scenario;
  const tally = new WebhookTally();
  const url = server.baseUrl;

  // Before: someone on a break keeps the line open (callers queue rather than being offered a
  // message); the hotline read once (as every running server has), callers in the menus and queued.
  const settingUp = Date.now();
  await onBreak(server, await addPerson(server));
  const warm = new PhoneCall(url);
  await warm.dial();
  await warm.hangUp();
  const inMenu = Array.from({ length: 18 }, () => new PhoneCall(url));
  const queued = Array.from({ length: 12 }, () => new PhoneCall(url));
  for (const call of [...inMenu, ...queued]) await call.dial();
  for (const call of queued) await call.choose('1', '1');
  console.log(`${scenario.label}: calls set up in ${Date.now() - settingUp} ms`);

  await scenario.breakDatabase();
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const brokenAt = Date.now();
  const newCallers = Array.from({ length: 20 }, () => new PhoneCall(url));
  const inDanger = inMenu.slice(14, 18);
  const hungUpDuringFault = queued.slice(0, 6);
  const burst = await Promise.all([
    ...newCallers.map((call) => tally.post(call, 'incoming', { CallStatus: 'ringing' })),
    ...inMenu.slice(0, 8).map((call) => tally.post(call, 'menu?step=caller', { Digits: '2' })),
    ...inMenu.slice(8, 14).map((call) => tally.post(call, 'menu?step=topic', { Digits: '1' })),
    ...inDanger.map((call) => tally.post(call, 'menu?step=caller', { Digits: '9' })),
    ...queued.map((call) => tally.post(call, 'wait', { QueueSid: 'QU1', QueuePosition: '1' })),
    ...hungUpDuringFault.map((call) => tally.post(call, 'status', { CallStatus: 'completed' })),
    ...queued
      .slice(6)
      .map((call) =>
        tally.post(call, 'dial-result', { DialCallStatus: 'no-answer', DialCallDuration: '0' }),
      ),
  ]);
  const answerOf = (call: PhoneCall, path: string) =>
    burst[
      [
        ...newCallers.map((c) => [c, 'incoming'] as const),
        ...inMenu.slice(0, 14).map((c) => [c, 'menu'] as const),
        ...inDanger.map((c) => [c, 'danger'] as const),
      ].findIndex(([c, p]) => c === call && p === path)
    ];

  lag.disable();
  console.log(
    `event loop delay: max ${lag.max / 1e6} ms, mean ${lag.mean / 1e6} ms, p99 ${lag.percentile(99) / 1e6}`,
  );
  // Callers in danger, while the database is still broken: held at most once, then forwarded.
  const dangerAnswers = await Promise.all(
    inDanger.map(async (call) => {
      const first = answerOf(call, 'danger');
      expectNotHungUpInDanger(first);
      const next = await tally.follow(call, first, 1);
      expectNotHungUpInDanger(next);
      return next;
    }),
  );

  const rest = scenario.faultMs - (Date.now() - brokenAt);
  if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  await scenario.healDatabase();

  // After recovery every held caller goes on where they were, without a hang-up.
  const heldCallers = [...newCallers, ...inMenu.slice(0, 14)].map((call) => {
    const path = newCallers.includes(call) ? 'incoming' : 'menu';
    return { call, answer: answerOf(call, path) };
  });
  for (const { call, answer } of heldCallers) {
    const last = await tally.follow(call, answer);
    if (last.twiml.includes('<Hangup/>'))
      throw new Error(`${last.path} hung up after recovery: ${last.twiml}`);
  }
  for (const [i, call] of inDanger.entries()) {
    const last = await tally.follow(call, dangerAnswers[i]);
    expectNotHungUpInDanger(last);
  }

  // The ends told during the fault are recorded without Twilio telling them again.
  const sids = (calls: PhoneCall[]) => calls.map((call) => call.callSid);
  await eventually(
    async () => {
      const open = await openCalls(server, sids(hungUpDuringFault));
      return open.length === 0 ? true : undefined;
    },
    'the calls that ended during the fault to be closed',
    20_000,
  );

  // The queue and the records agree; then everyone hangs up and nothing stays open.
  await eventually(
    async () => {
      const waitingRows = (await openCalls(server, [...sids(queued), ...sids(inMenu)]))
        .filter((row) => ['waiting', 'offered', 'connecting'].includes(row.status))
        .map((row) => row.id)
        .sort();
      const queue = (await server.as(scenario.admin).get('/api/queue').expect(200)).body as {
        calls: { callId: string }[];
      };
      const inQueue = queue.calls.map((c) => c.callId).sort();
      return JSON.stringify(waitingRows) === JSON.stringify(inQueue) ? true : undefined;
    },
    'the queue and the call records to agree',
    10_000,
  );
  const everyone = [...newCallers, ...inMenu, ...queued];
  for (const call of everyone) await tally.post(call, 'status', { CallStatus: 'completed' });
  await eventually(
    async () => ((await openCalls(server, sids(everyone))).length === 0 ? true : undefined),
    'every call to be closed',
    10_000,
  );
  const queue = (await server.as(scenario.admin).get('/api/queue').expect(200)).body;
  if (queue.calls.length !== 0) throw new Error(`callers left in the queue: ${queue.calls.length}`);

  tally.report(scenario.label);
  return tally.counts;
}

async function openCalls(
  server: RunningHotline,
  callSids: string[],
): Promise<{ id: string; status: string }[]> {
  const rows = await server.database.query<{ id: string; status: string; call_sid: string }>(
    `SELECT id, status, call_sid FROM phone_call WHERE status <> 'ended'`,
  );
  const wanted = new Set(callSids);
  return rows.filter((row) => wanted.has(row.call_sid));
}
