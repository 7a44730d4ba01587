/** The console's HTTP calls to the hotline server (same origin), and the signed-in session. */

export interface SignedInVolunteer {
  id: string;
  name: string;
  roles: string[];
}

export interface Session {
  accessToken: string;
  expiresAt: string;
  volunteer: SignedInVolunteer;
}

export type SignInResult =
  | { ok: true; session: Session }
  | { ok: false; reason: 'wrong' | 'throttled' | 'unreachable'; message?: string };

export async function signIn(email: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.ok) {
    const body = (await response.json()) as Session;
    return {
      ok: true,
      session: {
        accessToken: body.accessToken,
        expiresAt: browserExpiry(body.accessToken, body.expiresAt),
        volunteer: body.volunteer,
      },
    };
  }
  const message = await messageOf(response);
  if (response.status === 429) return { ok: false, reason: 'throttled', message };
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

export interface TopicNode {
  key: string;
  label: { 'zh-CN': string; en: string };
  children?: TopicNode[];
}

/** The topic tree (`GET /api/taxonomy`), or null if it cannot be had just now. */
export async function loadTopics(): Promise<TopicNode[] | null> {
  try {
    const response = await fetch('/api/taxonomy');
    if (!response.ok) return null;
    const body = (await response.json()) as { topics?: TopicNode[] };
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
      const body = (await response.json()) as { token: string; identity: string };
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

async function messageOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
    if (Array.isArray(body.message)) return body.message.join('; ');
  } catch {
    // Not JSON: no message to show.
  }
  return undefined;
}
