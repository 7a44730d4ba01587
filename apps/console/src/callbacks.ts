/** The call-back desk's calls to the API, and the rules of its list (pure, tested under jest). */
import type {
  CallbackAssigneeView,
  CallbackAttemptView,
  CallbackItemView,
  CallbackPageView,
  WrapUpView,
} from '@hotline/api-types';
import type { ContactFields } from '@hotline/console-protocol';
import { callApi } from './api';

export type CallbackItem = CallbackItemView;
export type CallbackAttempt = CallbackAttemptView;
export type Assignee = CallbackAssigneeView;

/** Who may see every request, assign them and close them by hand (the server checks too). */
export const OVERSEEING = ['supervisor', 'coordinator'];
/** Who makes call-backs: the people who take calls. */
export const CALLING = ['volunteer', 'supervisor'];

export interface CallbackFilters {
  status: 'open' | 'done' | 'all';
  assignee: 'anyone' | 'me' | 'nobody';
  message: 'any' | 'with' | 'without';
  overdue: boolean;
  /** Local dates, YYYY-MM-DD, or empty. */
  from: string;
  to: string;
}

export const NO_FILTERS: CallbackFilters = {
  status: 'open',
  assignee: 'anyone',
  message: 'any',
  overdue: false,
  from: '',
  to: '',
};

/** A page of the list is 25 rows: a year of requests pages as fast as an evening. */
export const PAGE_SIZE = 25;

/** The list's address for these filters and page (`cursor` from the page before). */
export function listPath(filters: CallbackFilters, cursor: string | null): string {
  const query = new URLSearchParams({ status: filters.status, limit: String(PAGE_SIZE) });
  if (filters.assignee !== 'anyone') query.set('assignee', filters.assignee);
  if (filters.message !== 'any') query.set('hasMessage', String(filters.message === 'with'));
  if (filters.overdue) query.set('overdue', 'true');
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  if (cursor) query.set('cursor', cursor);
  return `/api/callback-requests?${query.toString()}`;
}

/**
 * Where the pages went: the cursor of each page shown so far (null for the first), so
 * "previous" goes back without the server keeping anything.
 */
export interface Pages {
  cursors: (string | null)[];
}

export const FIRST_PAGE: Pages = { cursors: [null] };
export const currentCursor = (pages: Pages) => pages.cursors[pages.cursors.length - 1];
export const nextPage = (pages: Pages, cursor: string): Pages => ({
  cursors: [...pages.cursors, cursor],
});
export const previousPage = (pages: Pages): Pages =>
  pages.cursors.length > 1 ? { cursors: pages.cursors.slice(0, -1) } : pages;

/** What the person may do with a request, as the server allows it. */
export function actionsOn(
  item: CallbackItem,
  me: { id: string; roles: string[]; state: string; callbackId?: string },
  telephony: boolean,
): { assign: boolean; callBack: boolean; markDone: boolean } {
  const overseer = me.roles.some((role) => OVERSEEING.includes(role));
  const open = item.doneAt === null;
  const free = ['available', 'missed', 'break'].includes(me.state) && !me.callbackId;
  return {
    assign: overseer && open && item.activeAttemptId === null,
    markDone: overseer && open && item.activeAttemptId === null,
    callBack:
      telephony &&
      open &&
      free &&
      item.canCallBack &&
      item.activeAttemptId === null &&
      item.assignedTo?.id === me.id &&
      me.roles.some((role) => CALLING.includes(role)),
  };
}

export const loadCallbacks = (accessToken: string, path: string, signal?: AbortSignal) =>
  callApi<CallbackPageView>(accessToken, path, { signal });

export const loadAssignees = (accessToken: string, signal?: AbortSignal) =>
  callApi<Assignee[]>(accessToken, '/api/callback-requests/assignees', { signal });

export const loadAttempts = (accessToken: string, requestId: string, signal?: AbortSignal) =>
  callApi<CallbackAttempt[]>(
    accessToken,
    `/api/callback-requests/${encodeURIComponent(requestId)}/attempts`,
    { signal },
  );

/** A message written on the chat page; the server audits each read. */
export const readText = (accessToken: string, requestId: string) =>
  callApi<{ text: string }>(
    accessToken,
    `/api/callback-requests/${encodeURIComponent(requestId)}/text`,
  );

export const loadAttempt = (accessToken: string, attemptId: string, signal?: AbortSignal) =>
  callApi<CallbackAttempt>(accessToken, `/api/callback-attempts/${encodeURIComponent(attemptId)}`, {
    signal,
  });

export const assignCallback = (
  accessToken: string,
  requestId: string,
  volunteerId: string | null,
) =>
  callApi<void>(accessToken, `/api/callback-requests/${encodeURIComponent(requestId)}/assignee`, {
    method: 'PUT',
    body: { volunteerId },
  });

export const markCallbackDone = (accessToken: string, requestId: string) =>
  callApi<void>(accessToken, `/api/callback-requests/${encodeURIComponent(requestId)}/done`, {
    method: 'POST',
  });

export const startCallBack = (accessToken: string, requestId: string) =>
  callApi<CallbackAttempt>(
    accessToken,
    `/api/callback-requests/${encodeURIComponent(requestId)}/call-back`,
    { method: 'POST' },
  );

export const wrapUpCallBack = (accessToken: string, attemptId: string, contact: ContactFields) =>
  callApi<WrapUpView>(
    accessToken,
    `/api/callback-attempts/${encodeURIComponent(attemptId)}/wrap-up`,
    { method: 'POST', body: contact },
  );

/**
 * A caller's message, fetched with the bearer token (an `<audio src>` cannot send it) and
 * handed to the player as an object URL; the server audits each play.
 */
export async function messageAudio(
  accessToken: string,
  requestId: string,
): Promise<{ ok: true; url: string } | { ok: false; status: number | null }> {
  try {
    const response = await fetch(
      `/api/callback-requests/${encodeURIComponent(requestId)}/message`,
      { headers: { Authorization: `Bearer ${accessToken}` } },
    );
    if (!response.ok) return { ok: false, status: response.status };
    return { ok: true, url: URL.createObjectURL(await response.blob()) };
  } catch {
    return { ok: false, status: null };
  }
}
