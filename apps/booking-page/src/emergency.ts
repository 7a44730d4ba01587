/**
 * The emergency numbers the page shows: in the footer of every page, and first of all when a
 * parent chooses a topic about a child in danger. Pure data and rules; `crisis.ts` draws them.
 * The chat page (`apps/chat-page`) shows the same numbers, named by the same text keys.
 */

/**
 * The taxonomy's topics (`config/taxonomy/topics.json`) after which a family may need help now,
 * not in some days: the numbers come before any time is offered. `emergency.spec.ts` checks
 * that the taxonomy still has these keys.
 */
export const CRISIS_TOPICS: readonly string[] = ['self_harm_suicide', 'violence_bullying'];

export const isCrisisTopic = (topic: string | null): boolean =>
  topic !== null && CRISIS_TOPICS.includes(topic);

/** The text keys naming the numbers: each page that shows them has these in its dictionaries. */
export type EmergencyTextKey =
  'emergency.police' | 'emergency.ambulance' | 'emergency.psychological';

export interface EmergencyNumber {
  number: string;
  /** What the number is for, in the reader's language. */
  what: EmergencyTextKey;
}

/** The national numbers, the same everywhere in the country, day and night. */
export const EMERGENCY_NUMBERS: readonly EmergencyNumber[] = [
  { number: '110', what: 'emergency.police' },
  { number: '120', what: 'emergency.ambulance' },
  { number: '12356', what: 'emergency.psychological' },
];

/**
 * A `tel:` link of a number as people write it ("+86 571 1235 5", "0571-12355"): digits and a
 * leading plus only. Null when nothing dialable is left.
 */
export function telOf(number: string): string | null {
  const trimmed = number.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 0) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
