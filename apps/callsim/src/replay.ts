import { randomBytes } from 'node:crypto';
import { HotlineApi } from './api';
import { SimCaller, TwilioSettings, TwilioSide, Webhooks } from './caller';
import { Random } from './distributions';
import { simulateFifo } from './fifo-baseline';
import { HotlineTime } from './hotline-time';
import { Listened, SimListener } from './listener';
import { CallRecord, Figures, Target, comparison, figures, targets } from './metrics';
import { EveningProfile, ScenarioCall, buildScenario } from './profile';
import { SimVolunteer, VolunteerAccount, volunteerAccounts } from './volunteer';

export interface ReplayOptions {
  serverUrl: string;
  twilio: TwilioSettings;
  /** The Twilio side the server's TWILIO_API_BASE_URL points at, started. */
  twilioSide: TwilioSide;
  admin: { email: string; password: string };
  profile: EveningProfile;
  seed: number;
  /** The clock speed the server must run at (HOTLINE_CLOCK_SPEED), checked at the start. */
  speed?: number;
  /** Use this routing strategy for the replay (the hotline's setting is changed). */
  strategy?: 'longest_idle' | 'fewest_calls' | 'round_robin';
  /** Use this skill window (seconds a normal call waits for a volunteer with its topic). */
  skillFallbackSeconds?: number;
  /** Domain of the simulated volunteers' e-mail addresses. */
  accountDomain?: string;
  /**
   * The hotline's local time the evening starts at (HH:mm, default 18:00): when the clock is
   * earlier the replay waits for it; when later, it starts at once and says so.
   */
  startTime?: string;
  /** Progress lines; every `progressMinutes` of hotline time. */
  progress?: (line: string) => void;
  progressMinutes?: number;
  /** Changes the drawn callers before the evening (the same for the same seed). */
  adjust?: (scenario: ScenarioCall[]) => ScenarioCall[];
  /** Runs beside the callers from the start of the evening; awaited before the volunteers leave. */
  during?: (evening: Evening) => Promise<void>;
  /** A supervisor listens to this share (0 to 1) of the answered calls, each for `seconds`. */
  listen?: { sample: number; seconds: number };
}

/** What a scenario running beside the callers may act on. */
export interface Evening {
  /** Hotline epoch ms the evening starts. */
  startAt: number;
  time: HotlineTime;
  volunteers: SimVolunteer[];
  say: (line: string) => void;
}

export interface ReplayResult {
  seed: number;
  startedAt: string;
  endedAt: string;
  clockSpeed: number;
  hotlineId: string;
  volunteers: VolunteerAccount[];
  scenario: ScenarioCall[];
  records: CallRecord[];
  baselineRecords: CallRecord[];
  ours: Figures;
  baseline: Figures;
  targets: Target[];
  /** Our figures and the baseline's side by side, as printed. */
  table: string;
  /** The calls the listening supervisor joined (none without `listen`). */
  listened: Listened[];
  /** The listening supervisor's account, with `listen`. */
  listener?: VolunteerAccount;
}

interface HotlineView {
  id: string;
  timeZone: string;
  routing: {
    maxWaitSeconds: number;
    wrapUpSeconds: number;
    strategy: string;
    skillFallbackSeconds: number;
  };
}

/**
 * Replays an evening against a running server: the volunteers sign in and go available, the
 * callers arrive as the profile draws them, and once the last has hung up the figures are
 * computed from what the callers lived through, beside the FIFO baseline's over the same
 * callers.
 */
export async function runReplay(options: ReplayOptions): Promise<ReplayResult> {
  const say = options.progress ?? (() => undefined);
  const time = await HotlineTime.sync(options.serverUrl, options.speed);
  const admin = await HotlineApi.signIn(
    options.serverUrl,
    options.admin.email,
    options.admin.password,
  );
  let [hotline] = await admin.json<HotlineView[]>('GET', '/api/hotlines');
  if (options.strategy || options.skillFallbackSeconds !== undefined) {
    hotline = await admin.json<HotlineView>('PATCH', `/api/hotlines/${hotline.id}`, {
      routing: {
        ...(options.strategy ? { strategy: options.strategy } : {}),
        ...(options.skillFallbackSeconds !== undefined
          ? { skillFallbackSeconds: options.skillFallbackSeconds }
          : {}),
      },
    });
  }
  const accounts = await volunteerAccounts(
    admin,
    options.profile.volunteers,
    options.accountDomain,
  );
  const drawn = buildScenario(options.profile, options.seed);
  const scenario = options.adjust ? options.adjust(drawn) : drawn;
  const byCallId = new Map<string, SimCaller>();
  const takenBy = new Map<string, { volunteerId: string; at: number }>();
  const random = new Random(options.seed).fork('volunteers');
  const volunteers = accounts.map(
    (account) =>
      new SimVolunteer(
        account,
        options.serverUrl,
        time,
        {
          think: options.profile.think,
          fallbackWrapUp: options.profile.wrapUp,
          wrapUpOf: (callId) => byCallId.get(callId)?.call.wrapUp,
          topicOf: (callId) => byCallId.get(callId)?.call.topic,
          accepted: (callId, volunteerId, at) => takenBy.set(callId, { volunteerId, at }),
        },
        random,
      ),
  );
  for (const volunteer of volunteers) await volunteer.start();
  say(
    `routing: ${hotline.routing.strategy}, skill window ${hotline.routing.skillFallbackSeconds} s, overflow after ${hotline.routing.maxWaitSeconds} s`,
  );
  say(
    `${accounts.length} volunteers on duty; ${scenario.length} callers over ${options.profile.callsPerHour.length} h, clock ${time.speed}x, seed ${options.seed}`,
  );

  const webhooks = new Webhooks(options.serverUrl, options.twilio);
  const queueSid = `QU${randomBytes(16).toString('hex')}`;
  const startAt = startOfEvening(time, hotline.timeZone, options.startTime ?? '18:00', say);
  const beside = options.during?.({ startAt, time, volunteers, say }) ?? Promise.resolve();
  const callers: SimCaller[] = [];
  const finished: CallRecord[] = [];
  const listener = options.listen && (await listeningSupervisor(options, admin, time));
  const listening: Promise<void>[] = [];
  const runs = scenario.map(async (call) => {
    await time.until(startAt + call.at * 1000);
    const caller = new SimCaller(
      call,
      webhooks,
      options.twilioSide,
      time,
      queueSid,
      (sim, id) => byCallId.set(id, sim),
      (callId, conference) =>
        void listening.push(listener?.answered(callId, conference) ?? Promise.resolve()),
    );
    callers.push(caller);
    const record = await caller.run();
    finished.push(record);
    return record;
  });

  const every = (options.progressMinutes ?? 15) * 60_000;
  const ticker = setInterval(() => {
    const count = (outcome: string) =>
      finished.filter((record) => record.outcome === outcome).length;
    const local = time.now().setZone(hotline.timeZone).toFormat('HH:mm');
    say(
      `[${local}] ${callers.length}/${scenario.length} called, ${callers.length - finished.length} on the line, answered ${count('answered')}, abandoned ${count('abandoned')}, overflow ${count('overflow')}, forwarded ${count('forwarded')}, failed ${count('failed')}`,
    );
  }, every / time.speed);
  const records = await Promise.all(runs);
  await beside;
  clearInterval(ticker);

  // A volunteer may have accepted a caller in the instant they hung up: the caller never
  // reached them (the answer is the volunteer joining the conference), so the server counts
  // the call abandoned, as the simulator does. The last writes land before the counts are read.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // Who took each call, and when: the wait ends at the accept, as the server counts it.
  for (const [callId, caller] of byCallId) {
    const record = records.find((candidate) => candidate.callSid === caller.callSid);
    const taken = takenBy.get(callId);
    if (!record || !taken) continue;
    record.volunteerId = taken.volunteerId;
    if (record.outcome === 'answered' && caller.queuedAt !== undefined)
      record.waitSeconds = Math.max(0, (taken.at - caller.queuedAt) / 1000);
  }
  // The last contact records are written before the volunteers go home.
  await time.sleep(Math.max(...scenario.map((call) => call.wrapUp), 0) + 5);
  for (const volunteer of volunteers) await volunteer.stop();

  const baselineRecords = simulateFifo(scenario, accounts, {
    think: options.profile.think,
    maxWaitSeconds: hotline.routing.maxWaitSeconds,
    seed: options.seed,
  });
  const ours = figures(records, accounts);
  const baseline = figures(baselineRecords, accounts);
  return {
    seed: options.seed,
    startedAt: new Date(startAt).toISOString(),
    endedAt: time.now().toUTC().toISO()!,
    clockSpeed: time.speed,
    hotlineId: hotline.id,
    volunteers: accounts,
    scenario,
    records,
    baselineRecords,
    ours,
    baseline,
    targets: targets(ours, baseline),
    table: comparison(ours, baseline),
    listened: listener ? (await Promise.all(listening), listener.heard) : [],
    ...(listener ? { listener: listener.account } : {}),
  };
}

/** The supervisor who listens to a sample of the calls (`listen`), signed in. */
async function listeningSupervisor(
  options: ReplayOptions,
  admin: HotlineApi,
  time: HotlineTime,
): Promise<SimListener> {
  const [account] = await volunteerAccounts(admin, [[]], options.accountDomain, {
    name: 'callsim-listener',
    roles: ['volunteer', 'supervisor'],
    phonePrefix: '+8613988',
  });
  const api = await HotlineApi.signIn(options.serverUrl, account.email, account.password);
  return new SimListener(
    account,
    api,
    time,
    options.listen!.sample,
    options.listen!.seconds,
    new Random(options.seed).fork('listener'),
  );
}

/** The next instant the hotline's clock reads `hhmm` today, or now (with a warning) if it is past. */
function startOfEvening(
  time: HotlineTime,
  zone: string,
  hhmm: string,
  say: (line: string) => void,
): number {
  const [hour, minute] = hhmm.split(':').map(Number);
  const now = time.now().setZone(zone);
  const start = now.set({ hour, minute, second: 0, millisecond: 0 });
  const soon = time.nowMillis() + 2000;
  if (start.toMillis() >= soon) return start.toMillis();
  if (soon - start.toMillis() > 60_000)
    say(
      `the hotline's clock reads ${now.toFormat('HH:mm')}, past ${hhmm}: the evening starts now (start the server with HOTLINE_CLOCK_START just before ${hhmm})`,
    );
  return soon;
}
