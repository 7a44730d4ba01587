/**
 * Case review as a state machine, free of the framework and the database: which contacts
 * supervision takes into its queue, and what each step of a review does. The services apply
 * the effects (write the entry, audit the step) and store the state.
 */

/** Why a contact is in the queue; the strongest reason is kept. */
export const REVIEW_REASONS = ['high_risk', 'trainee', 'sample'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/**
 * `pending`: no verdict yet; `changes_requested`: the volunteer is asked to change something;
 * `answered`: they answered a verdict, a supervisor is to look again; `signed_off`: done.
 */
export const REVIEW_STATUSES = ['pending', 'changes_requested', 'answered', 'signed_off'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The statuses a supervisor has something to do about. */
export const TO_REVIEW: readonly ReviewStatus[] = ['pending', 'answered'];

export const REVIEW_ACTIONS = ['comment', 'request_changes', 'sign_off', 'answer'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** What each step writes into the review's thread. */
export type ReviewEntryKind = 'comment' | 'changes_requested' | 'signed_off' | 'answer';

/**
 * How someone stands to a review: a supervisor of its hotline, or the volunteer whose record it
 * is (a supervisor's own consultation is reviewed by another supervisor, never by themself).
 */
export type ReviewPart = 'supervisor' | 'volunteer';

export interface ReviewState {
  status: ReviewStatus;
  /** A supervisor first wrote on it: from then on its volunteer sees it. */
  feedbackAt: Date | null;
  /** The first verdict (signed off or changes asked for): the "time to review" ends here. */
  reviewedAt: Date | null;
  signedOffAt: Date | null;
}

export interface ReviewCommand {
  action: ReviewAction;
  part: ReviewPart;
  at: Date;
}

export type ReviewEffect =
  { type: 'write_entry'; kind: ReviewEntryKind } | { type: 'audit'; action: string };

/** A refusal is about who asks (`part`: not theirs to do) or about when (`state`: not now). */
export type ReviewStep =
  | { ok: true; state: ReviewState; effects: ReviewEffect[] }
  | { ok: false; refusal: string; about: 'part' | 'state' };

const ENTRY_OF: Record<ReviewAction, ReviewEntryKind> = {
  comment: 'comment',
  request_changes: 'changes_requested',
  sign_off: 'signed_off',
  answer: 'answer',
};

const notYours = (refusal: string): ReviewStep => ({ ok: false, refusal, about: 'part' });
const notNow = (refusal: string): ReviewStep => ({ ok: false, refusal, about: 'state' });

/** A new review, as a contact enters the queue. */
export const newReviewState = (): ReviewState => ({
  status: 'pending',
  feedbackAt: null,
  reviewedAt: null,
  signedOffAt: null,
});

/** One step of a review: the state after it and what to write, or why it is refused. */
export function reviewStep(state: ReviewState, command: ReviewCommand): ReviewStep {
  const { action, part, at } = command;
  if (action === 'answer') {
    if (part !== 'volunteer') return notYours('Only the volunteer whose record it is answers.');
    if (!state.feedbackAt) return notNow('There is no feedback to answer yet.');
    // An answer after a verdict goes back to the supervisors, so that it is read.
    if (state.status === 'pending') return done(state, action, {});
    return done(state, action, { status: 'answered', signedOffAt: null });
  }
  if (part !== 'supervisor')
    return notYours('Only a supervisor of the hotline reviews a record, and not their own.');
  const feedbackAt = state.feedbackAt ?? at;
  switch (action) {
    case 'comment':
      return done(state, action, { feedbackAt });
    case 'request_changes':
      if (state.status === 'changes_requested')
        return notNow('Changes are already asked for: wait for the answer, or add a comment.');
      return done(state, action, {
        status: 'changes_requested',
        feedbackAt,
        reviewedAt: state.reviewedAt ?? at,
        signedOffAt: null,
      });
    case 'sign_off':
      if (state.status === 'signed_off') return notNow('This record is already signed off.');
      return done(state, action, {
        status: 'signed_off',
        feedbackAt,
        reviewedAt: state.reviewedAt ?? at,
        signedOffAt: at,
      });
  }
}

function done(state: ReviewState, action: ReviewAction, changes: Partial<ReviewState>): ReviewStep {
  const kind = ENTRY_OF[action];
  return {
    ok: true,
    state: { ...state, ...changes },
    effects: [
      { type: 'write_entry', kind },
      { type: 'audit', action: `contact_review.${kind}` },
    ],
  };
}

/** The steps this person may take now: what the page offers them. */
export function actionsFor(state: ReviewState, part: ReviewPart): ReviewAction[] {
  return REVIEW_ACTIONS.filter((action) => reviewStep(state, { action, part, at: new Date(0) }).ok);
}

/** The reason a consultation enters the queue, if any; the strongest first. */
export function selectionReason(facts: {
  highRisk: boolean;
  trainee: boolean;
  sampled: boolean;
}): ReviewReason | null {
  if (facts.highRisk) return 'high_risk';
  if (facts.trainee) return 'trainee';
  return facts.sampled ? 'sample' : null;
}

const HASH_SPACE = 2 ** 32;

/**
 * Whether a contact falls in the sample: the first 32 bits of a keyed hash of its id, read as a
 * number, against the share. The same contact always gives the same answer, a larger share
 * keeps every contact a smaller one took, and without the key nobody can tell in advance which
 * records will be read.
 */
export function inSample(hashHex: string, percent: number): boolean {
  if (!/^[0-9a-f]{8}/i.test(hashHex)) throw new RangeError('a keyed hash in hex is needed');
  return parseInt(hashHex.slice(0, 8), 16) < (percent / 100) * HASH_SPACE;
}
