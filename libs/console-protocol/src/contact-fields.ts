/** The closed lists a contact record is made of, for the server and the wrap-up form alike; statistics count by these keys. */

export const CHANNELS = ['phone', 'face_to_face', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The child's age, in the bands school years fall into. */
export const AGE_BANDS = ['under_6', '6_11', '12_14', '15_17', '18_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** China's school years: kindergarten, primary 1-6, junior middle 1-3, senior middle 1-3. */
export const GRADES = [
  'kindergarten',
  'primary_1',
  'primary_2',
  'primary_3',
  'primary_4',
  'primary_5',
  'primary_6',
  'junior_1',
  'junior_2',
  'junior_3',
  'senior_1',
  'senior_2',
  'senior_3',
  'vocational',
  'not_in_school',
  'unknown',
] as const;
export type Grade = (typeof GRADES)[number];

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export const RISK_LEVELS = ['none', 'low', 'medium', 'high', 'imminent'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Risk levels that open a crisis case on their own. */
export const CRISIS_RISK_LEVELS: readonly RiskLevel[] = ['high', 'imminent'];

export const CONTACT_OUTCOMES = [
  'advice_given',
  'booked_face_to_face',
  'referred_to_hospital',
  'crisis_intervention',
  'callback_arranged',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/**
 * A counselling contact, or one of the non-counselling contacts counted apart from them (Child
 * Helpline International's data framework): these need no topics, risk or outcome.
 */
export const CONTACT_TYPES = [
  'counselling',
  'silent',
  'prank',
  'wrong_number',
  'hung_up',
  'abusive',
  'test',
] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];
export const NON_COUNSELLING_TYPES = CONTACT_TYPES.filter(
  (type): type is Exclude<ContactType, 'counselling'> => type !== 'counselling',
);

/** A contact carries one primary topic and at most two more. */
export const MAX_TOPICS = 3;

/** What a volunteer records at wrap-up (`wrapup.submit`, `POST /api/calls/:id/wrap-up`). */
export interface ContactFields {
  /** Counselling unless said otherwise; a non-counselling contact needs no topic, risk or outcome. */
  contactType?: ContactType;
  callerType?: 'pupil' | 'parent' | 'teacher' | 'other';
  ageBand?: AgeBand;
  grade?: Grade;
  gender?: Gender;
  district?: string;
  /** A key from `GET /api/taxonomy`; required for a counselling contact. */
  primaryTopic?: string;
  /** Up to two more keys. */
  otherTopics?: string[];
  /** Required for a counselling contact. */
  riskLevel?: RiskLevel;
  /** Required for a counselling contact. */
  outcome?: ContactOutcome;
  /** Confidential. */
  notes?: string;
}

/** Inbound: the caller rang the hotline. Outbound: the hotline called a caller back. */
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
