/** The console's HTTP calls to the hotline server (same origin), and the signed-in session. */
import type {
  CalendarFeedView,
  HotlineStatusView,
  SignInView,
  TaxonomyView,
  TopicNodeView,
  VoiceTokenView,
  VolunteerView,
} from '@hotline/api-types';
import type { SavedDraft } from './contact-form';
import type { Coverage, HotlineSummary, Shift, Slot } from './roster';
import type { StatsReport } from './stats';
import type { BlockReason, CallerFlag } from '@hotline/console-protocol';

/** What the console keeps of the signed-in person. */
export type SignedInVolunteer = Pick<VolunteerView, 'id' | 'name' | 'roles' | 'unitGrants'>;

/** The sign-in answer as kept in the tab: `expiresAt` by the browser's clock. */
export type Session = Omit<SignInView, 'volunteer'> & { volunteer: SignedInVolunteer };

export type SignInResult =
  | { ok: true; session: Session }
  | {
      ok: false;
      reason: 'wrong' | 'code_needed' | 'throttled' | 'unreachable';
      message?: string;
    };

/** Signs in; `code` is the authenticator's, for a person with two-factor sign-in. */
export async function signIn(
  email: string,
  password: string,
  code?: string,
): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(code ? { email, password, code } : { email, password }),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.ok) {
    const body = (await response.json()) as SignInView;
    return {
      ok: true,
      session: {
        accessToken: body.accessToken,
        expiresAt: browserExpiry(body.accessToken, body.expiresAt),
        twoFactorEnrolmentRequired: body.twoFactorEnrolmentRequired,
        volunteer: body.volunteer,
      },
    };
  }
  const body = (await response.json().catch(() => ({}))) as { message?: unknown; reason?: unknown };
  const message = textOf(body.message);
  if (response.status === 429) return { ok: false, reason: 'throttled', message };
  if (response.status === 401 && body.reason === 'two_factor_code_needed')
    return { ok: false, reason: 'code_needed', message };
  if (response.status === 401 || response.status === 400)
    return { ok: false, reason: 'wrong', message };
  return { ok: false, reason: 'unreachable', message };
}

/**
 * When the session ends by the browser's clock. The server states `expiresAt` by the hotline
 * clock, which runs apart from the browser's in simulations and tests (a session would end the
 * moment it began); the token's `iat`, by the same clock, gives its lifetime, counted from now.
 */
export function browserExpiry(accessToken: string, expiresAt: string, now = Date.now()): string {
  const issuedAt = issuedAtOf(accessToken);
  const end = Date.parse(expiresAt);
  if (issuedAt === null || Number.isNaN(end)) return expiresAt;
  return new Date(now + Math.max(0, end - issuedAt * 1000)).toISOString();
}

/** The `iat` claim of a JWT (seconds), read without verifying: the server does that. */
function issuedAtOf(token: string): number | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const iat = (JSON.parse(atob(payload)) as { iat?: unknown }).iat;
    return typeof iat === 'number' && Number.isFinite(iat) ? iat : null;
  } catch {
    return null;
  }
}

// The session lives in sessionStorage: it ends with the tab, so a shared computer forgets it.
const SESSION_KEY = 'hotline.console.session';

export function savedSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session.accessToken || Date.parse(session.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

export type TopicNode = TopicNodeView;

/** The topic tree (`GET /api/taxonomy`), or null if it cannot be had just now. */
export async function loadTopics(): Promise<TopicNode[] | null> {
  try {
    const response = await fetch('/api/taxonomy');
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<TaxonomyView>;
    return Array.isArray(body.topics) ? body.topics : null;
  } catch {
    return null;
  }
}

/** Topic labels by key, sub-topics included. */
export function topicLabels(topics: TopicNode[]): Map<string, TopicNode['label']> {
  const labels = new Map<string, TopicNode['label']>();
  const walk = (nodes: TopicNode[] = []) =>
    nodes.forEach((node) => {
      labels.set(node.key, node.label);
      walk(node.children);
    });
  walk(topics);
  return labels;
}

export type VoiceToken =
  | { ok: true; token: string; identity: string }
  | { ok: false; unavailable: boolean; message: string };

/** A Twilio access token for the browser softphone; 404/409 mean "no softphone here". */
export async function voiceToken(accessToken: string): Promise<VoiceToken> {
  try {
    const response = await fetch('/api/voice/token', {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    if (response.ok) {
      const body = (await response.json()) as VoiceTokenView;
      return { ok: true, token: body.token, identity: body.identity };
    }
    return {
      ok: false,
      unavailable: response.status === 404 || response.status === 409,
      message: (await messageOf(response)) ?? String(response.status),
    };
  } catch (error) {
    return { ok: false, unavailable: true, message: String(error) };
  }
}

export type StatsAnswer =
  { ok: true; report: StatsReport } | { ok: false; status: number | null; message: string | null };

/**
 * A statistics report (`GET /api/stats/monthly|yearly|range`); on failure the server's message
 * (403 for people without the coordinator, supervisor or admin role), or status null when the
 * server did not answer. `signal` cancels a report the picker has moved on from.
 */
export async function loadStats(
  accessToken: string,
  path: string,
  signal?: AbortSignal,
): Promise<StatsAnswer> {
  try {
    const response = await fetch(path, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      signal,
    });
    if (response.ok) return { ok: true, report: (await response.json()) as StatsReport };
    return { ok: false, status: response.status, message: (await messageOf(response)) ?? null };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, status: null, message: null };
  }
}

/**
 * Downloads the report as CSV under `fileName`. The API wants the bearer token, which a plain
 * link cannot send: the file is fetched, then saved through an object URL.
 */
export async function downloadStatsCsv(
  accessToken: string,
  path: string,
  fileName: string,
): Promise<{ ok: true } | { ok: false; status: number | null; message: string | null }> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'text/csv' },
    });
  } catch {
    return { ok: false, status: null, message: null };
  }
  if (!response.ok)
    return { ok: false, status: response.status, message: (await messageOf(response)) ?? null };
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: the browser reads the blob after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true };
}

/**
 * An answer of the API: the body, or the server's message (status null: it did not answer)
 * and, for a refused form, its messages by field path (`routing.offerTimeoutSeconds`).
 */
export type ApiAnswer<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      status: number | null;
      message: string | null;
      fields?: Record<string, string[]>;
    };

/**
 * One JSON call with the bearer token. `signal` cancels a load the page has moved on from: the
 * promise then rejects, where any other failure is an answer.
 */
export async function callApi<T>(
  accessToken: string,
  path: string,
  options: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${accessToken}`,
        Accept: 'application/json',
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ok: false, status: null, message: null };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as {
      message?: unknown;
      fields?: unknown;
    };
    const fields = body.fields && typeof body.fields === 'object' ? body.fields : undefined;
    return {
      ok: false,
      status: response.status,
      message: textOf(body.message) ?? null,
      ...(fields ? { fields: fields as Record<string, string[]> } : {}),
    };
  }
  if (response.status === 204) return { ok: true, value: undefined as T };
  try {
    return { ok: true, value: (await response.json()) as T };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ok: false, status: response.status, message: null };
  }
}

const period = (from: string, to: string, hotlineId: string | null) => {
  const query = new URLSearchParams({ from, to });
  if (hotlineId) query.set('hotlineId', hotlineId);
  return query.toString();
};

/** The hotlines the person works for (`GET /api/hotlines`; every hotline for an admin). */
export const loadHotlines = (accessToken: string, signal?: AbortSignal) =>
  callApi<HotlineSummary[]>(accessToken, '/api/hotlines', { signal });

/** The hotline clock, in the hotline's zone (`now` of `GET /api/hotlines/:id/status`). */
export const loadHotlineClock = (accessToken: string, hotlineId: string, signal?: AbortSignal) =>
  callApi<HotlineStatusView>(accessToken, `/api/hotlines/${encodeURIComponent(hotlineId)}/status`, {
    signal,
  });

/** The shifts of local dates, cancelled ones included (`GET /api/shifts`). */
export const loadShifts = (
  accessToken: string,
  from: string,
  to: string,
  hotlineId: string | null,
  signal?: AbortSignal,
) => callApi<Shift[]>(accessToken, `/api/shifts?${period(from, to, hotlineId)}`, { signal });

/** Needed against signed-up people, the gaps and the gap score (coordinators, supervisors, admins). */
export const loadCoverage = (
  accessToken: string,
  from: string,
  to: string,
  hotlineId: string | null,
  signal?: AbortSignal,
) => callApi<Coverage>(accessToken, `/api/coverage?${period(from, to, hotlineId)}`, { signal });

/** Signs the person up for a place on a shift; 409 with the reason when it cannot be had. */
export const signUpForShift = (accessToken: string, shiftId: string, slot: Slot) =>
  callApi<Shift>(accessToken, `/api/shifts/${encodeURIComponent(shiftId)}/signups`, {
    method: 'POST',
    body: { slot },
  });

/** Takes the person off a shift; 409 after the hotline's withdrawal cut-off. */
export const withdrawFromShift = (accessToken: string, shiftId: string, volunteerId: string) =>
  callApi<void>(
    accessToken,
    `/api/shifts/${encodeURIComponent(shiftId)}/signups/${encodeURIComponent(volunteerId)}`,
    { method: 'DELETE' },
  );

/** A new private calendar address of the person's shifts (the old one stops working). */
export const createCalendarFeed = (accessToken: string) =>
  callApi<CalendarFeedView>(accessToken, '/api/me/calendar-feed', { method: 'POST' });

/** Stops the person's calendar address from working. */
export const revokeCalendarFeed = (accessToken: string) =>
  callApi<void>(accessToken, '/api/me/calendar-feed', { method: 'DELETE' });

/** What "block and hang up" answers: the block, and whether Twilio ended the call. */
export interface CallerBlockAnswer {
  id: string;
  reason: BlockReason;
  expiresAt: string | null;
  hungUp: boolean;
}

/** Blocks the caller of a call (never their number) and ends the call; supervisors only. */
export const blockAndHangUp = (accessToken: string, callId: string, reason: BlockReason) =>
  callApi<CallerBlockAnswer>(accessToken, `/api/calls/${encodeURIComponent(callId)}/block`, {
    method: 'POST',
    body: { reason },
  });

async function messageOf(response: Response): Promise<string | undefined> {
  try {
    return textOf(((await response.json()) as { message?: unknown }).message);
  } catch {
    // Not JSON: no message to show.
    return undefined;
  }
}

/** An error body's message as one line (a 400 lists its sentences). */
function textOf(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}

/** A caller's profile as supervisors see it (never the number). */
export interface CallerProfile {
  contacts: number;
  byType: { type: string; count: number }[];
  flags: CallerFlag[];
  guidance: string | null;
  block: { id: string; reason: BlockReason; expiresAt: string | null } | null;
}

/** The profile of a call's caller (`GET /api/calls/:id/caller`; the read is audited). */
export const loadCallerProfile = (accessToken: string, callId: string) =>
  callApi<CallerProfile>(accessToken, `/api/calls/${encodeURIComponent(callId)}/caller`);

/** Sets a call's caller flags and guidance note (`PUT /api/calls/:id/caller`). */
export const saveCallerProfile = (
  accessToken: string,
  callId: string,
  changes: { flags: CallerFlag[]; guidance: string },
) =>
  callApi<CallerProfile>(accessToken, `/api/calls/${encodeURIComponent(callId)}/caller`, {
    method: 'PUT',
    body: changes,
  });

/** A block in force on a hotline (`GET /api/caller-blocks`): never the number. */
export interface CallerBlockView {
  id: string;
  reason: BlockReason;
  blockedAt: string;
  expiresAt: string | null;
}

export const loadCallerBlocks = (accessToken: string, hotlineId: string, signal?: AbortSignal) =>
  callApi<CallerBlockView[]>(
    accessToken,
    `/api/caller-blocks?hotlineId=${encodeURIComponent(hotlineId)}`,
    { signal },
  );

/** Lifts a block before its expiry (`DELETE /api/caller-blocks/:id`). */
export const liftCallerBlock = (accessToken: string, blockId: string) =>
  callApi<void>(accessToken, `/api/caller-blocks/${encodeURIComponent(blockId)}`, {
    method: 'DELETE',
  });

/** The call's contact draft as saved (`savedAt` null: nothing saved yet). */
export type DraftAnswer = SavedDraft & { callId: string; savedAt: string | null };

export const loadDraft = (accessToken: string, callId: string, signal?: AbortSignal) =>
  callApi<DraftAnswer>(accessToken, `/api/calls/${encodeURIComponent(callId)}/draft`, { signal });

/** Replaces the call's draft with what the form holds now. */
export const saveDraft = (accessToken: string, callId: string, draft: SavedDraft) =>
  callApi<DraftAnswer>(accessToken, `/api/calls/${encodeURIComponent(callId)}/draft`, {
    method: 'PUT',
    body: draft,
  });
