import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { RoutingEngine } from '@hotline/routing';
import type {
  CallPriority,
  RoutingEffect,
  RoutingPolicy,
  VolunteerState,
  VolunteerView,
  WaitingCallView,
} from '@hotline/routing';

const WAITING_CALLS = 10_000;
const VOLUNTEERS = 1_000;
const DECISIONS = 5_000;
const REPLAY_EVENTS = 1_000_000;

/** The share of calls per top-level topic, as the hotline's statistics report them. */
const TOPIC_MIX: [topic: string, percent: number][] = [
  ['emotional', 37.6],
  ['learning', 25.4],
  ['parent_child', 22.4],
  ...[
    'behaviour',
    'peer_relations',
    'clinical',
    'self_harm_suicide',
    'violence_bullying',
    'other',
  ].map((topic): [string, number] => [topic, 14.6 / 6]),
];
const CRISIS_SHARE = 0.02;

const policy: RoutingPolicy = {
  strategy: 'longest_idle',
  offerTimeoutSeconds: 20,
  wrapUpSeconds: 60,
  skillFallbackSeconds: 30,
  maxWaitSeconds: 600,
  maxQueueSize: 2 * WAITING_CALLS,
  missedRecoverSeconds: 30,
  crisisSupervisorAfterSeconds: 20,
  crisisForwardAfterSeconds: 60,
};

/** mulberry32: the same evening on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), seed | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20261123);
const below = (n: number) => Math.floor(random() * n);

function topic(): string {
  let roll = random() * 100;
  for (const [key, percent] of TOPIC_MIX) if ((roll -= percent) < 0) return key;
  return 'other';
}

/** One to three different topics, drawn from the same mix (volunteers follow demand). */
function skills(): string[] {
  const count = 1 + below(3);
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(topic());
  return [...chosen];
}

const priority = (): CallPriority => (random() < CRISIS_SHARE ? 'crisis' : 'normal');

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`bench is not honest: ${message}`);
}

function offerIn(effects: RoutingEffect[]) {
  return effects.find((effect) => effect.type === 'offer');
}

/** A manual clock, as the engine's specs use. */
let t = Date.UTC(2026, 10, 23, 10, 0, 0);
const now = () => t;

// --- The naive baseline: the same rules, by scanning everything on every decision ----------

/** `fewest_calls`, ties by longest idle (an available volunteer's `since`). */
const fewestCalls = (a: VolunteerView, b: VolunteerView) =>
  a.callsHandled - b.callsHandled || a.since - b.since;

function isEligible(call: WaitingCallView, skills: readonly string[], at: number): boolean {
  return (
    call.priority === 'crisis' ||
    skills.includes(call.topic) ||
    at - call.arrivedAt >= policy.skillFallbackSeconds * 1000
  );
}

function servedBefore(a: WaitingCallView, b: WaitingCallView, seq: Map<string, number>): boolean {
  if (a.priority !== b.priority) return a.priority === 'crisis';
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt;
  return seq.get(a.callId)! < seq.get(b.callId)!;
}

/** Scans every waiting call for the first one in queue order this volunteer may take. */
function naiveCallFor(
  volunteer: VolunteerView,
  waiting: WaitingCallView[],
  seq: Map<string, number>,
): WaitingCallView | undefined {
  let first: WaitingCallView | undefined;
  for (const call of waiting) {
    if (!isEligible(call, volunteer.skills, t)) continue;
    if (!first || servedBefore(call, first, seq)) first = call;
  }
  return first;
}

/** Scans every volunteer for the one `fewest_calls` picks for this call. */
function naiveVolunteerFor(
  call: WaitingCallView,
  volunteers: VolunteerView[],
): VolunteerView | undefined {
  const openToAll = isEligible(call, [], t); // eligible without any skill
  let skilled: VolunteerView | undefined;
  let anyone: VolunteerView | undefined;
  for (const volunteer of volunteers) {
    if (volunteer.state !== 'available') continue;
    if (
      volunteer.skills.includes(call.topic) &&
      (!skilled || fewestCalls(volunteer, skilled) < 0)
    ) {
      skilled = volunteer;
    }
    if (openToAll && (!anyone || fewestCalls(volunteer, anyone) < 0)) anyone = volunteer;
  }
  if (call.priority === 'crisis') return skilled ?? anyone;
  return openToAll ? anyone : skilled;
}

// --- Decisions --------------------------------------------------------------------------

interface Race<C> {
  /** The engine decides; the only part of its work that is timed. */
  engine(c: C): string | undefined;
  /** Puts the engine back as it was, so every case meets the same state. */
  undo(c: C): void;
  naive(c: C): string | undefined;
}

interface Result {
  engineMicros: number;
  naiveMicros: number;
}

/**
 * Times the same decisions both ways, each in loops of its own (neither runs on caches the
 * other just filled), and checks every answer agrees. Each side first runs every case once
 * untimed, so the timed passes measure optimised code.
 */
function race<C>(cases: C[], { engine, undo, naive }: Race<C>): Result {
  const answers = cases.map((c) => {
    const answer = engine(c);
    undo(c);
    return answer;
  });
  cases.forEach((c, i) => {
    const answer = naive(c);
    check(answer === answers[i], `case ${i}: the engine said ${answers[i]}, the scan ${answer}`);
  });
  // The best of three passes: the machine's other work only ever adds time.
  const timed = (decide: (c: C) => unknown, after?: (c: C) => void) => {
    let best = Infinity;
    for (let pass = 0; pass < 3; pass++) {
      let nanos = 0;
      for (const c of cases) {
        const start = process.hrtime.bigint();
        decide(c);
        nanos += Number(process.hrtime.bigint() - start);
        after?.(c);
      }
      best = Math.min(best, nanos / cases.length / 1000);
    }
    return best;
  };
  return { engineMicros: timed(engine, undo), naiveMicros: timed(naive) };
}

/**
 * 10,000 calls wait, all inside their skill window (the hardest case: the engine must look
 * per topic); every volunteer is away. One comes back and is offered the call they should get.
 */
function volunteerBecomesAvailable(): Result {
  const engine = new RoutingEngine(policy, now);
  for (let i = 0; i < VOLUNTEERS; i++) engine.setVolunteer({ id: `v${i}`, skills: skills() });
  for (let i = 0; i < WAITING_CALLS; i++) {
    const arrivedAt = t - 25_000 + Math.floor((i * 25_000) / WAITING_CALLS);
    engine.restore({ callId: `c${i}`, topic: topic(), priority: 'normal', arrivedAt });
  }
  const { calls, volunteers } = engine.snapshot();
  const seq = new Map(calls.map((call, index) => [call.callId, index]));
  const cases = Array.from({ length: DECISIONS }, (_, i) => volunteers[i % VOLUNTEERS]);
  let offer: ReturnType<typeof offerIn>;
  const result = race(cases, {
    engine: (volunteer) => (offer = offerIn(engine.setPresence(volunteer.id, 'available')))?.callId,
    // The call returns to its place, the volunteer leaves.
    undo: (volunteer) => {
      if (offer) engine.decline(offer.offerId);
      engine.setPresence(volunteer.id, 'offline');
    },
    naive: (volunteer) => naiveCallFor(volunteer, calls, seq)?.callId,
  });
  check(engine.snapshot().calls.length === WAITING_CALLS, 'the queue changed');
  return result;
}

/**
 * 10,000 learning calls wait because every volunteer with that skill is on a call (an exam-
 * results evening); the others are available. A call arrives and is offered to the volunteer
 * `fewest_calls` picks, or waits if nobody may take it.
 */
function callArrives(volunteerCount: number): Result {
  const engine = new RoutingEngine({ ...policy, wrapUpSeconds: 0 }, now);
  let calls = 0;
  const ring = (topic: string) => {
    const callId = `c${calls++}`;
    const { effects } = engine.enqueue({ callId, topic, priority: 'normal', arrivedAt: t });
    return { callId, offer: offerIn(effects) };
  };
  // Earlier in the evening: everyone has handled a few calls.
  for (let i = 0; i < volunteerCount; i++) {
    const id = `v${i}`;
    const volunteerSkills = skills();
    engine.setVolunteer({ id, skills: volunteerSkills });
    t++;
    engine.setPresence(id, 'available');
    for (let handled = below(6); handled > 0; handled--) {
      const { callId, offer } = ring(volunteerSkills[0]);
      engine.accept(offer!.offerId);
      t++; // nobody shares an idle-since with anyone: the views do not show the tie-break
      engine.hangUp(callId);
    }
  }
  // Every learning volunteer takes a learning call; then the surge queues.
  for (let { offer } = ring('learning'); offer; { offer } = ring('learning')) {
    engine.accept(offer.offerId);
  }
  for (let i = 0; i < WAITING_CALLS; i++) {
    engine.restore({ callId: `surge${i}`, topic: 'learning', priority: 'normal', arrivedAt: t });
  }
  engine.setPolicy({ ...policy, strategy: 'fewest_calls', wrapUpSeconds: 0 });
  t += 1000;

  const { volunteers } = engine.snapshot();
  const cases = Array.from({ length: DECISIONS }, (_, i) => ({
    callId: `new${i}`,
    topic: topic(),
    priority: priority(),
    arrivedAt: t,
    phase: 'waiting' as const,
  }));
  return race(cases, {
    engine: (call) => {
      const result = engine.enqueue(call);
      return result.queued ? offerIn(result.effects)?.volunteerId : 'refused';
    },
    // The caller hangs up: an offered volunteer gets their place back, exactly.
    undo: (call) => engine.hangUp(call.callId),
    naive: (call) => naiveVolunteerFor(call, volunteers)?.id,
  });
}

// --- Replay --------------------------------------------------------------------------------

/** A set to draw a random member from in O(1). */
class Pool {
  private readonly members: string[] = [];
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.members.length;
  }

  add(member: string): void {
    if (this.index.has(member)) return;
    this.index.set(member, this.members.length);
    this.members.push(member);
  }

  delete(member: string): void {
    const at = this.index.get(member);
    if (at === undefined) return;
    const last = this.members.pop()!;
    this.index.delete(member);
    if (at < this.members.length) {
      this.members[at] = last;
      this.index.set(last, at);
    }
  }

  draw(): string {
    return this.members[below(this.members.length)];
  }
}

/** A long evening: random events in realistic proportions, following the effects like the host. */
function replay(): { events: number; ms: number; longestQueue: number; outcomes: string } {
  const engine = new RoutingEngine(policy, now);
  const waiting = new Pool();
  const offers = new Pool();
  const connecting = new Pool();
  const talking = new Pool();
  const away = new Pool();
  const byState: Partial<Record<VolunteerState, Pool>> = {
    available: new Pool(),
    wrap_up: new Pool(),
    offline: away,
    break: away,
    missed: away,
  };
  const stateOf = new Map<string, VolunteerState>();
  const callOfOffer = new Map<string, string>();
  const outcomes: Record<string, number> = {};
  let calls = 0;
  let longestQueue = 0;

  const follow = (effects: RoutingEffect[]) => {
    for (const effect of effects) {
      switch (effect.type) {
        case 'offer':
          waiting.delete(effect.callId);
          offers.add(effect.offerId);
          callOfOffer.set(effect.offerId, effect.callId);
          break;
        case 'offer_withdrawn':
          offers.delete(effect.offerId);
          callOfOffer.delete(effect.offerId);
          if (effect.reason !== 'abandoned') waiting.add(effect.callId);
          break;
        case 'connect':
          connecting.add(effect.callId);
          break;
        case 'call_ended':
          waiting.delete(effect.callId);
          connecting.delete(effect.callId);
          talking.delete(effect.callId);
          outcomes[effect.outcome] = (outcomes[effect.outcome] ?? 0) + 1;
          break;
        case 'volunteer_state':
          byState[stateOf.get(effect.volunteerId)!]?.delete(effect.volunteerId);
          stateOf.set(effect.volunteerId, effect.state);
          byState[effect.state]?.add(effect.volunteerId);
          break;
      }
    }
  };

  for (let i = 0; i < VOLUNTEERS; i++) {
    engine.setVolunteer({ id: `v${i}`, skills: skills() });
    stateOf.set(`v${i}`, 'offline');
    away.add(`v${i}`);
  }

  /** A step on a random member of the pool; not possible while it is empty. */
  const onOneOf = (pool: Pool, act: (member: string) => void) => () => {
    if (pool.size === 0) return false;
    act(pool.draw());
    return true;
  };
  const move = (callId: string, from: Pool, to: Pool) => {
    from.delete(callId);
    to.add(callId);
  };
  // Each step is one engine event, drawn by weight among those possible now.
  const steps: [weight: number, step: () => boolean][] = [
    [
      20,
      () => {
        const callId = `c${calls++}`;
        const call = { callId, topic: topic(), priority: priority(), arrivedAt: t };
        const result = engine.enqueue(call);
        if (result.queued) waiting.add(callId);
        follow(result.effects);
        return true;
      },
    ],
    [
      14,
      onOneOf(offers, (offerId) => {
        offers.delete(offerId);
        callOfOffer.delete(offerId);
        follow(engine.accept(offerId));
      }),
    ],
    [2, onOneOf(offers, (offerId) => follow(engine.decline(offerId)))],
    [1, onOneOf(offers, (offerId) => follow(engine.hangUp(callOfOffer.get(offerId)!)))],
    [
      12,
      onOneOf(connecting, (callId) => {
        move(callId, connecting, talking);
        follow(engine.answered(callId));
      }),
    ],
    [
      1,
      onOneOf(connecting, (callId) => {
        move(callId, connecting, waiting);
        follow(engine.dialFailed(callId));
      }),
    ],
    [12, onOneOf(talking, (callId) => follow(engine.hangUp(callId)))],
    [4, onOneOf(waiting, (callId) => follow(engine.hangUp(callId)))],
    [8, onOneOf(byState.wrap_up!, (id) => follow(engine.finishWrapUp(id)))],
    [6, onOneOf(away, (id) => follow(engine.setPresence(id, 'available')))],
    [
      2,
      onOneOf(byState.available!, (id) =>
        follow(engine.setPresence(id, random() < 0.5 ? 'break' : 'offline')),
      ),
    ],
    [
      10,
      () => {
        t += below(2000);
        follow(engine.tick());
        return true;
      },
    ],
  ];
  const totalWeight = steps.reduce((sum, [weight]) => sum + weight, 0);

  const start = performance.now();
  for (let events = 0; events < REPLAY_EVENTS;) {
    let roll = random() * totalWeight;
    const [, step] = steps.find(([weight]) => (roll -= weight) < 0)!;
    if (!step()) continue;
    events++;
    if (waiting.size > longestQueue) longestQueue = waiting.size;
  }
  const ms = performance.now() - start;
  const summary = Object.entries(outcomes)
    .map(([outcome, count]) => `${outcome} ${count.toLocaleString('en')}`)
    .join(', ');
  return { events: REPLAY_EVENTS, ms, longestQueue, outcomes: summary };
}

// --- Report --------------------------------------------------------------------------------

function table(header: string[], rows: string[][]): void {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ');
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  rows.forEach((row) => console.log(line(row)));
  console.log();
}

const count = (n: number) => n.toLocaleString('en');

const decisions: [string, Result][] = [
  [
    `volunteer becomes available (${count(WAITING_CALLS)} calls waiting)`,
    volunteerBecomesAvailable(),
  ],
  [`call arrives (${count(VOLUNTEERS)} volunteers)`, callArrives(VOLUNTEERS)],
  // Ten times the staff: the scan grows with it, the engine hardly does.
  [`call arrives (${count(10 * VOLUNTEERS)} volunteers)`, callArrives(10 * VOLUNTEERS)],
];
const replayed = replay();

console.log(`routing bench: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
table(
  ['routing decision', 'engine µs', 'naive scan µs', 'speed-up'],
  decisions.map(([name, { engineMicros, naiveMicros }]) => [
    name,
    engineMicros.toFixed(2),
    naiveMicros.toFixed(2),
    `${(naiveMicros / engineMicros).toFixed(1)}×`,
  ]),
);
console.log(
  `(mean of ${count(DECISIONS)} decisions, best of 3 passes after an untimed one; every answer checked against the scan)\n`,
);
table(
  ['replay', 'events', 'seconds', 'events/s'],
  [
    [
      'random evening, engine + driver',
      count(replayed.events),
      (replayed.ms / 1000).toFixed(2),
      count(Math.round(replayed.events / (replayed.ms / 1000))),
    ],
  ],
);
console.log(`longest queue ${count(replayed.longestQueue)}; outcomes: ${replayed.outcomes}`);
