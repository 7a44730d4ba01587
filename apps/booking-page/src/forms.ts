/**
 * The parent's details as typed, the checks the page makes before sending them, the request
 * bodies built from them, and the server's 400 messages put beside the field they are
 * about. No DOM here, so it runs under plain jest.
 */
import type { Locale, TextKey } from './i18n';
import type { BookingRequest, WaitlistRequest } from './views';

/** The server refuses longer descriptions. */
export const DESCRIPTION_MAX = 500;
/** As the server allows. */
export const PARENT_NAME_MAX = 80;

export type Field = 'parentName' | 'phone' | 'child' | 'description' | 'consent';
export const FIELDS: Field[] = ['parentName', 'phone', 'child', 'description', 'consent'];

export interface Draft {
  parentName: string;
  phone: string;
  /** `age:<band key>` or `grade:<grade key>`, or '' before a choice. */
  child: string;
  description: string;
  consent: boolean;
}

export const emptyDraft = (): Draft => ({
  parentName: '',
  phone: '',
  child: '',
  description: '',
  consent: false,
});

/** What the page says is wrong, field by field: a text of the page or the server's sentence. */
export type FieldProblems = Partial<Record<Field, { key: TextKey } | { message: string }>>;

/** Length as a person counts it: a Chinese character or an emoji is one. */
export const charCount = (text: string): number => [...text].length;

/** Phone numbers as people type them: digits, spaces, dashes, brackets, a leading +. */
const PHONE = /^\+?[\d\s\-().]{5,24}$/;

/** The page's own checks, so a parent hears about a missing field before waiting on the server. */
export function checkDraft(draft: Draft, withDescription = true): FieldProblems {
  const problems: FieldProblems = {};
  if (!draft.parentName.trim()) problems.parentName = { key: 'field.parentName.missing' };
  const phone = draft.phone.trim();
  if (!phone) problems.phone = { key: 'field.phone.missing' };
  else if (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 5)
    problems.phone = { key: 'field.phone.invalid' };
  if (!/^(age|grade):.+/.test(draft.child)) problems.child = { key: 'field.child.missing' };
  if (withDescription && charCount(draft.description) > DESCRIPTION_MAX)
    problems.description = { key: 'field.description.long' };
  if (!draft.consent) problems.consent = { key: 'field.consent.missing' };
  return problems;
}

export const hasProblems = (problems: FieldProblems): boolean => Object.keys(problems).length > 0;

function childFields(child: string): { childAgeBand?: string; childGrade?: string } {
  const [kind, ...rest] = child.split(':');
  const key = rest.join(':');
  if (kind === 'age') return { childAgeBand: key };
  if (kind === 'grade') return { childGrade: key };
  return {};
}

/** `POST /api/public/bookings`: trimmed, the description only when there is one. */
export function bookingBody(
  draft: Draft,
  start: string,
  topic: string,
  language: Locale,
): BookingRequest {
  const description = draft.description.trim();
  return {
    start,
    topic,
    parentName: draft.parentName.trim(),
    phone: draft.phone.trim(),
    ...childFields(draft.child),
    ...(description ? { description } : {}),
    consent: true,
    language,
  };
}

/** `POST /api/public/waitlist`. */
export function waitlistBody(
  draft: Draft,
  date: string,
  topic: string,
  language: Locale,
): WaitlistRequest {
  return {
    date,
    topic,
    parentName: draft.parentName.trim(),
    phone: draft.phone.trim(),
    ...childFields(draft.child),
    consent: true,
    language,
  };
}

/** Words of a server message that tell which field it is about (property names first). */
const FIELD_WORDS: [Field, RegExp][] = [
  ['parentName', /\bparentName\b|\bname\b|姓名/i],
  ['phone', /\bphone\b|number|号码|电话/i],
  ['child', /\bchild(AgeBand|Grade)?\b|\bage\b|\bgrade\b|年龄|年级/i],
  ['description', /\bdescription\b|描述|情况/i],
  ['consent', /\bconsent\b|同意/i],
];

/**
 * The messages of a 400 (ValidationPipe sends an array, a service a sentence) by the field
 * they name; the rest, about no field of the form (a time, a topic), are shown above it.
 */
export function problemsOf(message: string | string[] | null | undefined): {
  fields: FieldProblems;
  other: string[];
} {
  const messages = message == null ? [] : Array.isArray(message) ? message : [message];
  const fields: FieldProblems = {};
  const other: string[] = [];
  for (const text of messages) {
    if (typeof text !== 'string' || !text) continue;
    // The property name a class-validator message starts with decides before any other word.
    const first = /^(\w+)/.exec(text)?.[1] ?? '';
    const named = FIELD_WORDS.find(([, words]) => words.test(first));
    const field = named?.[0] ?? FIELD_WORDS.find(([, words]) => words.test(text))?.[0];
    if (!field) other.push(text);
    else if (!fields[field]) fields[field] = { message: text };
    else {
      const shown = fields[field] as { message: string };
      fields[field] = { message: `${shown.message} ${text}` };
    }
  }
  return { fields, other };
}
