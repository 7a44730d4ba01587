import type { CallbackItem } from './callbacks';
import {
  FIRST_PAGE,
  NO_FILTERS,
  PAGE_SIZE,
  actionsOn,
  currentCursor,
  listPath,
  nextPage,
  previousPage,
} from './callbacks';
import { applyChange, type LiveState } from './live-state';

const item = (fields: Partial<CallbackItem> = {}): CallbackItem => ({
  id: 'r1',
  callId: 'c1',
  source: 'phone',
  reason: 'closed_hours',
  requestedAt: '2026-11-23T12:00:00.000Z',
  forDate: '2026-11-23',
  overdue: false,
  canCallBack: true,
  hasMessage: false,
  messageSeconds: null,
  hasText: false,
  callerType: null,
  topic: null,
  messageLeftAt: null,
  assignedTo: { id: 'me', name: 'Wang' },
  assignedAt: '2026-11-23T12:01:00.000Z',
  attemptCount: 0,
  lastOutcome: null,
  lastAttemptAt: null,
  activeAttemptId: null,
  doneAt: null,
  result: null,
  reachedAt: null,
  ...fields,
});
const volunteer = { id: 'me', roles: ['volunteer'], state: 'available' };
const supervisor = { id: 'boss', roles: ['supervisor'], state: 'offline' };

describe('the call-back list', () => {
  it('asks for a page of the filters it shows', () => {
    expect(listPath(NO_FILTERS, null)).toBe(
      `/api/callback-requests?status=open&limit=${PAGE_SIZE}`,
    );
    const path = listPath(
      {
        status: 'all',
        assignee: 'nobody',
        message: 'with',
        overdue: true,
        from: '2026-11-01',
        to: '2026-11-30',
      },
      '1795428180000_0b0b0b0b-0000-4000-8000-000000000000',
    );
    expect(new URL(path, 'https://h.test').searchParams.toString()).toBe(
      `status=all&limit=${PAGE_SIZE}&assignee=nobody&hasMessage=true&overdue=true&from=2026-11-01&to=2026-11-30&cursor=1795428180000_0b0b0b0b-0000-4000-8000-000000000000`,
    );
  });

  it('goes forward page by page and back again, without the server keeping anything', () => {
    const second = nextPage(FIRST_PAGE, 'a');
    const third = nextPage(second, 'b');
    expect(currentCursor(FIRST_PAGE)).toBeNull();
    expect(currentCursor(third)).toBe('b');
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
  });

  it('offers a call-back only to the free person it is assigned to, with telephony and a number', () => {
    expect(actionsOn(item(), volunteer, true)).toEqual({
      assign: false,
      markDone: false,
      callBack: true,
    });
    expect(actionsOn(item(), volunteer, false).callBack).toBe(false);
    expect(actionsOn(item({ canCallBack: false }), volunteer, true).callBack).toBe(false);
    expect(actionsOn(item({ activeAttemptId: 'a1' }), volunteer, true).callBack).toBe(false);
    expect(actionsOn(item(), { ...volunteer, state: 'talking' }, true).callBack).toBe(false);
    expect(actionsOn(item(), { ...volunteer, callbackId: 'a1' }, true).callBack).toBe(false);
    expect(actionsOn(item({ assignedTo: null }), volunteer, true).callBack).toBe(false);
  });

  it('lets supervisors assign and close open requests not under way; a coordinator never calls back', () => {
    expect(actionsOn(item(), supervisor, true)).toEqual({
      assign: true,
      markDone: true,
      callBack: false,
    });
    expect(actionsOn(item({ doneAt: '2026-11-23T13:00:00.000Z' }), supervisor, true).assign).toBe(
      false,
    );
    expect(actionsOn(item({ activeAttemptId: 'a1' }), supervisor, true).markDone).toBe(false);
    const coordinator = { id: 'me', roles: ['coordinator'], state: 'available' };
    expect(actionsOn(item(), coordinator, true).callBack).toBe(false);
  });

  it('keeps the wall’s reminder as the change stream counts it', () => {
    const before = { seq: 4, callbacks: { overdue: 2, today: 1 } } as LiveState;
    const after = applyChange(before, {
      s: 5,
      type: 'callbacks',
      callbacks: { overdue: 1, today: 1 },
    });
    expect(after).toMatchObject({ seq: 5, callbacks: { overdue: 1, today: 1 } });
  });
});
