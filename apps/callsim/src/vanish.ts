import { HotlineApi } from './api';
import { Webhooks } from './caller';
import { Random } from './distributions';
import { CallRecord, PersonKind, percentile } from './metrics';
import type { ScenarioCall } from './profile';
import { Evening, ReplayOptions, ReplayResult, runReplay } from './replay';
import { SimSupervisor, SupervisorBehaviour, SupervisorRing } from './supervisor';
import { VanishMode, volunteerAccounts } from './volunteer';

/**
 * "Volunteers vanish mid-evening": an evening replayed as usual until `vanishAfterMinutes`,
 * when every volunteer but `stay` leaves (going quiet, offline, or closing the console, the
 * modes cycled over them), while crisis callers keep arriving. One or more supervisors are on
 * call with their phones for the escalation ladder. Measured for every crisis caller: the time
 * from the danger key to the first person who had them (a volunteer's leg connected, a
 * supervisor with them in the conference, or the crisis line dialled).
 */
export interface VanishOptions extends Omit<ReplayOptions, 'adjust' | 'during'> {
  /** Minutes after the start of the evening the volunteers leave. */
  vanishAfterMinutes: number;
  /** How many volunteers (the first ones) stay on duty. */
  stay: number;
  /** How the others leave, cycled over them. */
  modes: VanishMode[];
  /** The supervisors on call, one entry each. */
  supervisors: SupervisorBehaviour[];
  /** A crisis caller holds at least this long (the line is measured, not the child's patience). */
  crisisHoldSeconds: number;
  /** A crisis caller must have a person within this many seconds. */
  limitSeconds: number;
  /**
   * Hotline seconds the simulator's clock cannot resolve: the real time of the webhooks and
   * REST requests between the key and the person, multiplied by the clock speed.
   */
  slackSeconds: number;
}

/** One crisis caller: when they pressed the danger key, and who had them how much later. */
export interface CrisisReach {
  index: number;
  /** Minutes after the start of the evening. */
  atMinutes: number;
  afterVanish: boolean;
  /** Seconds from the danger key to the person; null when nobody had them. */
  afterSeconds: number | null;
  who: PersonKind | 'nobody';
  /** The volunteer's or supervisor's e-mail address, or the crisis line. */
  by?: string;
  outcome: CallRecord['outcome'];
}

export interface OrdinaryOutcomes {
  calls: number;
  answered: number;
  /** Offered a message or a call-back: at the menu (nobody on duty) or after holding (overflow). */
  offered: number;
  abandoned: number;
  other: number;
}

export interface VanishResult {
  replay: ReplayResult;
  vanishedAt: string;
  vanished: { email: string; mode: VanishMode }[];
  crisis: CrisisReach[];
  longestSeconds: number | null;
  distribution: { bucket: string; count: number }[];
  ordinary: { before: OrdinaryOutcomes; after: OrdinaryOutcomes };
  supervisorRings: ({ email: string } & SupervisorRing)[];
  /** Why the run failed: crisis callers later than the limit, or never with a person. */
  failures: string[];
  report: string;
}

const SUPERVISORS = {
  name: 'callsim-supervisor',
  roles: ['supervisor'],
  phonePrefix: '+8613998',
};

const BUCKETS: [string, (seconds: number) => boolean][] = [
  ['<= 10 s', (s) => s <= 10],
  ['10-20 s', (s) => s > 10 && s <= 20],
  ['20-30 s', (s) => s > 20 && s <= 30],
  ['30-40 s', (s) => s > 30 && s <= 40],
  ['40-50 s', (s) => s > 40 && s <= 50],
  ['50-60 s', (s) => s > 50 && s <= 60],
  ['> 60 s', (s) => s > 60],
];

export async function runVanish(options: VanishOptions): Promise<VanishResult> {
  const say = options.progress ?? (() => undefined);
  const admin = await HotlineApi.signIn(
    options.serverUrl,
    options.admin.email,
    options.admin.password,
  );
  const supervisorAccounts = await volunteerAccounts(
    admin,
    options.supervisors.map(() => []),
    options.accountDomain,
    SUPERVISORS,
  );
  let supervisors: SimSupervisor[] = [];
  const vanished: { email: string; mode: VanishMode }[] = [];
  let vanishAt = 0;
  const during = async ({ startAt, time, volunteers }: Evening) => {
    const random = new Random(options.seed).fork('supervisors');
    const webhooks = new Webhooks(options.serverUrl, options.twilio);
    supervisors = supervisorAccounts.map(
      (account, index) =>
        new SimSupervisor(
          account,
          webhooks,
          options.twilioSide,
          time,
          options.supervisors[index],
          random,
        ),
    );
    say(
      `supervisors on call: ${supervisors
        .map(
          (s, i) =>
            `${s.account.email}${options.supervisors[i].answers ? '' : ' (does not answer)'}`,
        )
        .join(', ')}`,
    );
    vanishAt = startAt + options.vanishAfterMinutes * 60_000;
    await time.until(vanishAt);
    const leaving = volunteers.slice(options.stay);
    say(
      `${options.vanishAfterMinutes} min into the evening: ${leaving.length} of ${volunteers.length} volunteers vanish`,
    );
    await Promise.all(
      leaving.map((volunteer, index) => {
        const mode = options.modes[index % options.modes.length];
        vanished.push({ email: volunteer.account.email, mode });
        return volunteer.vanish(mode);
      }),
    );
  };
  const adjust = (scenario: ScenarioCall[]) =>
    scenario.map((call) =>
      call.crisis
        ? { ...call, patience: Math.max(call.patience, options.crisisHoldSeconds) }
        : call,
    );
  const replay = await runReplay({ ...options, adjust, during });

  const emailOf = new Map(replay.volunteers.map((account) => [account.id, account.email]));
  const rings = supervisors.flatMap((supervisor) =>
    supervisor.rings.map((ring) => ({ email: supervisor.account.email, ...ring })),
  );
  const tookBy = new Map(
    rings.filter((ring) => ring.result === 'took').map((ring) => [ring.callId, ring.email]),
  );
  const startAt = Date.parse(replay.startedAt);
  const vanishMinute = (vanishAt - startAt) / 60_000;
  const atOf = new Map(replay.scenario.map((call) => [call.index, call.at]));
  const crisis: CrisisReach[] = replay.records
    .filter((record) => record.crisis)
    .map((record) => {
      const atMinutes = (atOf.get(record.index) ?? 0) / 60;
      const person = record.person;
      const by =
        person?.who === 'volunteer'
          ? emailOf.get(record.volunteerId ?? '')
          : person?.who === 'supervisor'
            ? tookBy.get(record.callId ?? '')
            : person
              ? 'crisis line'
              : undefined;
      return {
        index: record.index,
        atMinutes: Math.round(atMinutes * 10) / 10,
        afterVanish: atMinutes >= vanishMinute,
        afterSeconds: person ? Math.round(person.afterSeconds * 10) / 10 : null,
        who: person?.who ?? 'nobody',
        by,
        outcome: record.outcome,
      };
    });
  const reached = crisis.flatMap((call) => (call.afterSeconds === null ? [] : [call.afterSeconds]));
  const limit = options.limitSeconds + options.slackSeconds;
  const failures = crisis.flatMap((call) =>
    call.afterSeconds === null
      ? [`crisis call ${call.index} (minute ${call.atMinutes}) reached nobody: ${call.outcome}`]
      : call.afterSeconds > limit
        ? [
            `crisis call ${call.index} (minute ${call.atMinutes}) waited ${call.afterSeconds} s for ${call.who}`,
          ]
        : [],
  );
  const distribution = [
    ...BUCKETS.map(([bucket, within]) => ({
      bucket,
      count: reached.filter(within).length,
    })),
    { bucket: 'never', count: crisis.length - reached.length },
  ];
  const ordinaryOf = (after: boolean) =>
    outcomes(
      replay.records.filter(
        (record) => !record.crisis && (atOf.get(record.index) ?? 0) / 60 >= vanishMinute === after,
      ),
    );
  const result: Omit<VanishResult, 'report'> = {
    replay,
    vanishedAt: new Date(vanishAt).toISOString(),
    vanished,
    crisis,
    longestSeconds: reached.length ? Math.max(...reached) : null,
    distribution,
    ordinary: { before: ordinaryOf(false), after: ordinaryOf(true) },
    supervisorRings: rings,
    failures,
  };
  return { ...result, report: report(result, options) };
}

function outcomes(records: CallRecord[]): OrdinaryOutcomes {
  const count = (test: (record: CallRecord) => boolean) => records.filter(test).length;
  const answered = count((record) => record.outcome === 'answered');
  const offered = count(
    (record) => record.outcome === 'overflow' || (record.outcome === 'refused' && !!record.offered),
  );
  const abandoned = count((record) => record.outcome === 'abandoned');
  return {
    calls: records.length,
    answered,
    offered,
    abandoned,
    other: records.length - answered - offered - abandoned,
  };
}

function report(result: Omit<VanishResult, 'report'>, options: VanishOptions): string {
  const { crisis } = result;
  const reached = crisis.flatMap((call) => (call.afterSeconds === null ? [] : [call.afterSeconds]));
  const byWho = (who: CrisisReach['who']) => crisis.filter((call) => call.who === who).length;
  const ordinary = (name: string, o: OrdinaryOutcomes) =>
    `  ${name.padEnd(22)} ${o.calls} calls: answered ${o.answered}, message/call-back offered ${o.offered}, abandoned ${o.abandoned}${o.other ? `, other ${o.other}` : ''}`;
  const lines = [
    `crisis callers: ${crisis.length} (${crisis.filter((call) => !call.afterVanish).length} before the volunteers vanished, ${crisis.filter((call) => call.afterVanish).length} after)`,
    `time from the danger key to a person: longest ${result.longestSeconds ?? '–'} s; median ${reached.length ? percentile(reached, 50) : '–'} s; 90th percentile ${reached.length ? percentile(reached, 90) : '–'} s`,
    `  ${result.distribution.map(({ bucket, count }) => `${bucket}: ${count}`).join(', ')}`,
    `  had them first: volunteer ${byWho('volunteer')}, supervisor ${byWho('supervisor')}, crisis line ${byWho('crisis_line')}, nobody ${byWho('nobody')}`,
    '',
    'each crisis caller (minute of the evening, seconds to a person, who):',
    ...crisis.map(
      (call) =>
        `  #${String(call.index).padEnd(4)} ${`${call.atMinutes} min`.padStart(9)} ${call.afterVanish ? 'after ' : 'before'}  ${`${call.afterSeconds ?? '–'} s`.padStart(8)}  ${call.who}${call.by && call.who !== 'crisis_line' ? ` (${call.by})` : ''}`,
    ),
    '',
    'supervisors rung by the ladder:',
    ...[...new Set(result.supervisorRings.map((ring) => ring.email))].map((email) => {
      const rings = result.supervisorRings.filter((ring) => ring.email === email);
      const of = (kind: SupervisorRing['result']) =>
        rings.filter((ring) => ring.result === kind).length;
      return `  ${email}: rung ${rings.length}, took ${of('took')}, too late ${of('too_late')}, busy ${of('busy')}, not answered ${of('not_answered')}`;
    }),
    '',
    'ordinary callers:',
    ordinary('before the vanishing', result.ordinary.before),
    ordinary('after', result.ordinary.after),
    '',
    result.failures.length === 0
      ? `met    every crisis caller had a person within ${options.limitSeconds} s (+${options.slackSeconds} s the clock cannot resolve)`
      : `FAILED ${result.failures.length} crisis caller(s) without a person within ${options.limitSeconds} s (+${options.slackSeconds} s):`,
    ...result.failures.map((failure) => `  ${failure}`),
  ];
  return lines.join('\n');
}
