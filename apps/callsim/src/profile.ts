import { Distribution, Random, draw, pick, poissonArrivals } from './distributions';

/** The reference year's share of calls by top-level topic, in percent. */
export const REFERENCE_TOPIC_MIX: Readonly<Record<string, number>> = (() => {
  const main = { emotional: 37.6, learning: 25.4, parent_child: 22.4 };
  const others = [
    'behaviour',
    'peer_relations',
    'clinical',
    'self_harm_suicide',
    'violence_bullying',
    'other',
  ];
  const rest = (100 - 37.6 - 25.4 - 22.4) / others.length;
  return { ...main, ...Object.fromEntries(others.map((key) => [key, rest])) };
})();

/** The topics the voice menu offers by key; every other topic is "4, other". */
export const MENU_KEYS: Readonly<Record<string, string>> = {
  emotional: '1',
  learning: '2',
  parent_child: '3',
  other: '4',
};
/** "I am in danger now" at the first menu: a crisis call, routed on this topic. */
export const DANGER_KEY = '9';
export const CRISIS_TOPIC = 'self_harm_suicide';

/** An evening to replay: how many call when, about what, and how people behave. */
export interface EveningProfile {
  /** Calls per hour, one entry per hour from the start of the replay (18:00-22:00: four). */
  callsPerHour: number[];
  /** Weight of each top-level topic (percent or any scale). */
  topicMix: Record<string, number>;
  /** How long a caller waits in the queue before hanging up. */
  patience: Distribution;
  /** Talk time once connected. */
  talk: Distribution;
  /** How long a volunteer takes to accept a ringing offer. */
  think: Distribution;
  /** How long a volunteer takes to write the contact record after the call. */
  wrapUp: Distribution;
  /** Staffing: one entry per volunteer, their top-level topic skills. */
  volunteers: string[][];
}

/**
 * The default evening, shaped like the reference year: 58 calls from 18:00 to 22:00 with the
 * peak at 19:00-20:00, the reference topic mix, callers who wait 2 minutes on average,
 * conversations of about 10 minutes.
 */
export const DEFAULT_PROFILE: EveningProfile = {
  callsPerHour: [12, 18, 16, 12],
  topicMix: { ...REFERENCE_TOPIC_MIX },
  patience: { kind: 'exponential', mean: 120 },
  talk: { kind: 'lognormal', mean: 600, sd: 300 },
  think: { kind: 'uniform', min: 2, max: 8 },
  wrapUp: { kind: 'uniform', min: 20, max: 50 },
  volunteers: defaultStaffing(6),
};

/**
 * Skill groups cycled over n volunteers: each of the three big topics is covered in
 * proportion to its share, and the smaller ones (crisis, other) by several people.
 */
export function defaultStaffing(count: number): string[][] {
  const groups = [
    ['emotional', 'self_harm_suicide', 'other'],
    ['learning', 'emotional'],
    ['parent_child', 'emotional', 'behaviour', 'violence_bullying'],
    ['learning', 'peer_relations', 'other'],
    ['emotional', 'clinical', 'self_harm_suicide'],
    ['parent_child', 'learning', 'behaviour'],
  ];
  return Array.from({ length: count }, (_, index) => groups[index % groups.length]);
}

/** Parses `emotional,other;learning` into skill groups. */
export function parseSkills(text: string): string[][] {
  return text
    .split(';')
    .map((group) =>
      group
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .filter((group) => group.length > 0);
}

/** One caller of the evening, everything about them drawn in advance. */
export interface ScenarioCall {
  index: number;
  /** Seconds after the start of the replay. */
  at: number;
  /** What the call is really about (top-level topic). */
  topic: string;
  /** The topic the router sees: the menu choice, or the crisis topic. */
  routingTopic: string;
  crisis: boolean;
  /** Keys pressed: caller type, then topic (a crisis call presses only the danger key). */
  keys: string[];
  patience: number;
  talk: number;
  wrapUp: number;
}

/** The evening's callers, the same for the same seed and profile. */
export function buildScenario(profile: EveningProfile, seed: number): ScenarioCall[] {
  const root = new Random(seed);
  const arrivals = poissonArrivals(profile.callsPerHour, root.fork('arrivals'));
  const topics = root.fork('topics');
  const behaviour = root.fork('behaviour');
  return arrivals.map((at, index) => {
    const topic = pick(profile.topicMix, topics);
    const crisis = topic === CRISIS_TOPIC;
    const routingTopic = crisis ? CRISIS_TOPIC : MENU_KEYS[topic] ? topic : 'other';
    // Parents call about their children; pupils about the rest.
    const callerKey = topic === 'parent_child' ? '2' : '1';
    return {
      index,
      at,
      topic,
      routingTopic,
      crisis,
      keys: crisis ? [DANGER_KEY] : [callerKey, MENU_KEYS[routingTopic]],
      patience: draw(profile.patience, behaviour),
      talk: Math.max(10, draw(profile.talk, behaviour)),
      wrapUp: draw(profile.wrapUp, behaviour),
    };
  });
}
