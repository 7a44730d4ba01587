/** What happened to one caller, as the simulator saw it (or the baseline model computed it). */
export interface CallRecord {
  index: number;
  /** Twilio's id of the simulated call (absent in the baseline model). */
  callSid?: string;
  routingTopic: string;
  crisis: boolean;
  /**
   * answered: a volunteer took it; abandoned: hung up while waiting; overflow: waited the
   * hotline's maximum and was offered a call-back; refused: queue full or closed; failed: the
   * simulator could not play the call (an answer that was not TwiML, a network error);
   * forwarded: a crisis caller nobody took, dialled through to the crisis line.
   */
  outcome: 'answered' | 'abandoned' | 'overflow' | 'refused' | 'failed' | 'forwarded';
  /** Seconds from joining the queue to being taken or leaving it. */
  waitSeconds: number;
  volunteerId?: string;
  /** The hotline's id of the call, when the server sent the caller somewhere. */
  callId?: string;
  /** Refused at the menu with a message or a call-back offered (nobody on duty). */
  offered?: boolean;
  /** The first person who had the caller, and when: seconds from the last menu key. */
  person?: { who: PersonKind; afterSeconds: number };
  /** Why the simulator could not play the call. */
  failure?: string;
}

/** Who had a caller: a volunteer's leg, a supervisor in the call's conference, the crisis line. */
export type PersonKind = 'volunteer' | 'supervisor' | 'crisis_line';

export interface VolunteerSkills {
  id: string;
  skills: readonly string[];
}

export interface Figures {
  calls: number;
  /** Calls that reached the queue. */
  queued: number;
  answered: number;
  abandoned: number;
  overflowed: number;
  refused: number;
  failed: number;
  /** Answered within the threshold ÷ calls that left the queue (answered, abandoned, overflowed), %. */
  serviceLevel: number;
  serviceLevelSeconds: number;
  /** Abandoned ÷ calls that left the queue, %. */
  abandonmentRate: number;
  averageWaitSeconds: number;
  p95WaitSeconds: number;
  /** Answered calls taken by someone with the call's topic skill, %. */
  skillMatchRate: number;
  callsPerVolunteer: { min: number; max: number; mean: number; spreadPercent: number };
  crisisCalls: number;
  crisisWaitedOver10s: number;
}

/** Nearest-rank percentile (p in 0..100) of the values; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The evening's figures, the way the hotline counts them (see docs/console.md, today's figures). */
export function figures(
  records: readonly CallRecord[],
  volunteers: readonly VolunteerSkills[],
  serviceLevelSeconds = 20,
): Figures {
  const count = (outcome: CallRecord['outcome']) =>
    records.filter((record) => record.outcome === outcome).length;
  const left = records.filter((record) =>
    ['answered', 'abandoned', 'overflow'].includes(record.outcome),
  );
  const answered = records.filter((record) => record.outcome === 'answered');
  const skillsOf = new Map(volunteers.map((volunteer) => [volunteer.id, volunteer.skills]));
  const matched = answered.filter((record) =>
    skillsOf.get(record.volunteerId ?? '')?.includes(record.routingTopic),
  );
  const perVolunteer = volunteers.map(
    (volunteer) => answered.filter((record) => record.volunteerId === volunteer.id).length,
  );
  const mean = perVolunteer.length
    ? perVolunteer.reduce((sum, value) => sum + value, 0) / perVolunteer.length
    : 0;
  const min = perVolunteer.length ? Math.min(...perVolunteer) : 0;
  const max = perVolunteer.length ? Math.max(...perVolunteer) : 0;
  const waits = left.map((record) => record.waitSeconds);
  const crisis = left.filter((record) => record.crisis);
  return {
    calls: records.length,
    queued: left.length,
    answered: answered.length,
    abandoned: count('abandoned'),
    overflowed: count('overflow'),
    refused: count('refused'),
    failed: count('failed'),
    serviceLevel: round1(
      share(
        answered.filter((record) => record.waitSeconds <= serviceLevelSeconds).length,
        left.length,
      ),
    ),
    serviceLevelSeconds,
    abandonmentRate: round1(share(count('abandoned'), left.length)),
    averageWaitSeconds: round1(
      waits.length ? waits.reduce((sum, value) => sum + value, 0) / waits.length : 0,
    ),
    p95WaitSeconds: round1(percentile(waits, 95)),
    skillMatchRate: round1(share(matched.length, answered.length)),
    callsPerVolunteer: {
      min,
      max,
      mean: round1(mean),
      // The larger distance from the mean, as a share of it.
      spreadPercent: round1(mean === 0 ? 0 : (100 * Math.max(max - mean, mean - min)) / mean),
    },
    crisisCalls: crisis.length,
    crisisWaitedOver10s: crisis.filter((record) => record.waitSeconds > 10).length,
  };
}

/** The figures of our router and of the baseline side by side, with ours ÷ baseline. */
export function comparison(ours: Figures, baseline: Figures): string {
  const rows: [string, number, number, string][] = [
    ['calls', ours.calls, baseline.calls, ''],
    ['answered', ours.answered, baseline.answered, ''],
    ['abandoned', ours.abandoned, baseline.abandoned, ''],
    ['overflowed (call-back)', ours.overflowed, baseline.overflowed, ''],
    [
      `service level within ${ours.serviceLevelSeconds} s`,
      ours.serviceLevel,
      baseline.serviceLevel,
      '%',
    ],
    ['abandonment rate', ours.abandonmentRate, baseline.abandonmentRate, '%'],
    ['average wait', ours.averageWaitSeconds, baseline.averageWaitSeconds, 's'],
    ['95th percentile wait', ours.p95WaitSeconds, baseline.p95WaitSeconds, 's'],
    ['topic-skill match', ours.skillMatchRate, baseline.skillMatchRate, '%'],
    ['calls per volunteer: min', ours.callsPerVolunteer.min, baseline.callsPerVolunteer.min, ''],
    ['calls per volunteer: max', ours.callsPerVolunteer.max, baseline.callsPerVolunteer.max, ''],
    ['calls per volunteer: mean', ours.callsPerVolunteer.mean, baseline.callsPerVolunteer.mean, ''],
    [
      'calls per volunteer: spread vs mean',
      ours.callsPerVolunteer.spreadPercent,
      baseline.callsPerVolunteer.spreadPercent,
      '%',
    ],
    ['crisis calls', ours.crisisCalls, baseline.crisisCalls, ''],
    ['crisis calls waiting > 10 s', ours.crisisWaitedOver10s, baseline.crisisWaitedOver10s, ''],
  ];
  const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '–' : '∞') : (a / b).toFixed(2));
  const lines = [
    `${'figure'.padEnd(38)}${'ours'.padStart(10)}${'FIFO'.padStart(10)}${'ratio'.padStart(8)}`,
    ...rows.map(
      ([label, a, b, unit]) =>
        `${label.padEnd(38)}${`${a}${unit}`.padStart(10)}${`${b}${unit}`.padStart(10)}${ratio(a, b).padStart(8)}`,
    ),
  ];
  return lines.join('\n');
}

export interface Target {
  name: string;
  met: boolean;
  detail: string;
}

/** The targets a simulated evening is held to (docs/callsim.md). */
export function targets(ours: Figures, baseline: Figures): Target[] {
  const abandonRatio =
    baseline.abandonmentRate === 0
      ? ours.abandonmentRate === 0
        ? 0
        : Infinity
      : ours.abandonmentRate / baseline.abandonmentRate;
  return [
    {
      name: 'service level >= 80 % within 20 s',
      met: ours.serviceLevel >= 80,
      detail: `${ours.serviceLevel} %`,
    },
    {
      name: 'abandonment <= 0.7 x FIFO baseline',
      met: abandonRatio <= 0.7,
      detail: `${ours.abandonmentRate} % vs ${baseline.abandonmentRate} % (x${Number.isFinite(abandonRatio) ? abandonRatio.toFixed(2) : '∞'})`,
    },
    {
      name: 'topic-skill match >= 90 %',
      met: ours.skillMatchRate >= 90,
      detail: `${ours.skillMatchRate} %`,
    },
    {
      name: 'calls per volunteer within ±20 % of the mean',
      met: ours.callsPerVolunteer.spreadPercent <= 20,
      detail: `${ours.callsPerVolunteer.min}-${ours.callsPerVolunteer.max}, mean ${ours.callsPerVolunteer.mean} (±${ours.callsPerVolunteer.spreadPercent} %)`,
    },
    {
      name: 'no crisis call waits longer than 10 s',
      met: ours.crisisWaitedOver10s === 0,
      detail: `${ours.crisisWaitedOver10s} of ${ours.crisisCalls}`,
    },
  ];
}
