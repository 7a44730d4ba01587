/**
 * The wrap-up form's rules, apart from React: what the volunteer has entered so far (a draft of
 * plain strings, as form controls hold them), what is still missing, and the `ContactFields`
 * the server takes once it is complete. The closed lists come from the console protocol, so the
 * form offers exactly what the server accepts.
 */
import {
  AGE_BANDS,
  CONTACT_OUTCOMES,
  CRISIS_RISK_LEVELS,
  NON_COUNSELLING_TYPES,
  type ContactFields,
  GENDERS,
  GRADES,
  MAX_TOPICS,
  RISK_LEVELS,
} from '@hotline/console-protocol';

/** Who called, as the voice menu asks it and the contact record keeps it. */
export const CALLER_TYPES = ['pupil', 'parent', 'teacher', 'other'] as const;
export const DISTRICT_MAX_LENGTH = 40;
export const NOTES_MAX_LENGTH = 4000;
/** Topics besides the primary one. */
export const OTHER_TOPIC_SLOTS = MAX_TOPICS - 1;

/** What the form holds: '' for "not chosen". */
export interface ContactDraft {
  /** 'counselling', or a non-counselling type (silent, prank, ...) that needs no topic. */
  contactType: string;
  callerType: string;
  ageBand: string;
  grade: string;
  gender: string;
  district: string;
  primaryTopic: string;
  /** One entry per slot (OTHER_TOPIC_SLOTS), '' when empty. */
  otherTopics: string[];
  riskLevel: string;
  outcome: string;
  notes: string;
}

/** The fields a draft can be wrong in, in the order the form shows them. */
export type DraftProblem = 'district' | 'primaryTopic' | 'riskLevel' | 'outcome' | 'notes';

export type DraftCheck =
  { ok: true; contact: ContactFields } | { ok: false; problems: DraftProblem[] };

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** A fresh draft; the caller type is known when the voice menu asked it. */
export function emptyDraft(callerType: string | null = null): ContactDraft {
  return {
    contactType: 'counselling',
    callerType: callerType && oneOf(CALLER_TYPES, callerType) ? callerType : '',
    ageBand: '',
    grade: '',
    gender: '',
    district: '',
    primaryTopic: '',
    otherTopics: Array.from({ length: OTHER_TOPIC_SLOTS }, () => ''),
    riskLevel: '',
    outcome: '',
    notes: '',
  };
}

/** High and imminent risk open a crisis case, and the supervisors are alerted. */
export function opensCrisisCase(riskLevel: string): boolean {
  return (CRISIS_RISK_LEVELS as readonly string[]).includes(riskLevel);
}

/**
 * The contact to send, or what is missing or too long. `isTopic` says whether a key is in the
 * taxonomy; other topics that repeat the primary one or each other are dropped.
 */
export function checkDraft(draft: ContactDraft, isTopic: (key: string) => boolean): DraftCheck {
  if (oneOf(NON_COUNSELLING_TYPES, draft.contactType)) {
    // Silent, prank, ...: counted apart, with no topic, risk or outcome to give.
    const contact: ContactFields = { contactType: draft.contactType };
    if (oneOf(CALLER_TYPES, draft.callerType)) contact.callerType = draft.callerType;
    return { ok: true, contact };
  }
  const problems: DraftProblem[] = [];
  const district = draft.district.trim();
  const notes = draft.notes.trim();
  if (district.length > DISTRICT_MAX_LENGTH) problems.push('district');
  if (!isTopic(draft.primaryTopic)) problems.push('primaryTopic');
  if (!oneOf(RISK_LEVELS, draft.riskLevel)) problems.push('riskLevel');
  if (!oneOf(CONTACT_OUTCOMES, draft.outcome)) problems.push('outcome');
  if (notes.length > NOTES_MAX_LENGTH) problems.push('notes');
  if (
    problems.length > 0 ||
    !oneOf(RISK_LEVELS, draft.riskLevel) ||
    !oneOf(CONTACT_OUTCOMES, draft.outcome)
  )
    return { ok: false, problems };

  const otherTopics = [
    ...new Set(draft.otherTopics.filter((key) => isTopic(key) && key !== draft.primaryTopic)),
  ].slice(0, OTHER_TOPIC_SLOTS);
  const contact: ContactFields = {
    primaryTopic: draft.primaryTopic,
    riskLevel: draft.riskLevel,
    outcome: draft.outcome,
  };
  if (oneOf(CALLER_TYPES, draft.callerType)) contact.callerType = draft.callerType;
  if (oneOf(AGE_BANDS, draft.ageBand)) contact.ageBand = draft.ageBand;
  if (oneOf(GRADES, draft.grade)) contact.grade = draft.grade;
  if (oneOf(GENDERS, draft.gender)) contact.gender = draft.gender;
  if (district) contact.district = district;
  if (otherTopics.length > 0) contact.otherTopics = otherTopics;
  if (notes) contact.notes = notes;
  return { ok: true, contact };
}

/** A draft as the server keeps it (`GET /api/calls/:id/draft`): every field optional. */
export type SavedDraft = Partial<ContactFields>;

/**
 * What to save of the form while the volunteer types: the fields chosen so far, each only when
 * the server would take it (an unknown topic key is left for the wrap-up check to name; text
 * is cut to what the record keeps), so a half-filled form always saves.
 */
export function draftToSave(draft: ContactDraft, isTopic: (key: string) => boolean): SavedDraft {
  const saved: SavedDraft = {};
  const district = draft.district.trim();
  const notes = draft.notes.trim();
  if (oneOf(CALLER_TYPES, draft.callerType)) saved.callerType = draft.callerType;
  if (oneOf(AGE_BANDS, draft.ageBand)) saved.ageBand = draft.ageBand;
  if (oneOf(GRADES, draft.grade)) saved.grade = draft.grade;
  if (oneOf(GENDERS, draft.gender)) saved.gender = draft.gender;
  if (district) saved.district = district.slice(0, DISTRICT_MAX_LENGTH);
  if (isTopic(draft.primaryTopic)) saved.primaryTopic = draft.primaryTopic;
  const others = draft.otherTopics.filter((key) => isTopic(key) && key !== draft.primaryTopic);
  if (others.length > 0) saved.otherTopics = [...new Set(others)];
  if (oneOf(RISK_LEVELS, draft.riskLevel)) saved.riskLevel = draft.riskLevel;
  if (oneOf(CONTACT_OUTCOMES, draft.outcome)) saved.outcome = draft.outcome;
  if (notes) saved.notes = notes.slice(0, NOTES_MAX_LENGTH);
  return saved;
}

/** The form as a saved draft left it ('' for what it does not hold). */
export function draftFromSaved(saved: SavedDraft, callerType: string | null = null): ContactDraft {
  const empty = emptyDraft(saved.callerType ?? callerType);
  const others = saved.otherTopics ?? [];
  return {
    ...empty,
    ageBand: saved.ageBand ?? '',
    grade: saved.grade ?? '',
    gender: saved.gender ?? '',
    district: saved.district ?? '',
    primaryTopic: saved.primaryTopic ?? '',
    otherTopics: empty.otherTopics.map((_, slot) => others[slot] ?? ''),
    riskLevel: saved.riskLevel ?? '',
    outcome: saved.outcome ?? '',
    notes: saved.notes ?? '',
  };
}
