import { type FormEvent, useEffect, useId, useState } from 'react';
import {
  CALLING,
  type CallbackFilters,
  FIRST_PAGE,
  NO_FILTERS,
  OVERSEEING,
  currentCursor,
  listPath,
  loadAssignees,
  loadCallbacks,
  nextPage,
  previousPage,
  startCallBack,
} from '../callbacks';
import type { ConsoleModel, ConsoleStore } from '../console-store';
import { useI18n } from '../i18n';
import type { LiveState } from '../live-state';
import { useLoad } from '../use-load';
import { CallbackRow, type RowResult } from './CallbackRow';
import { CallbackSession } from './CallbackSession';
import { Softphone } from './Softphone';

/**
 * The call-back desk: the callers to call back, filtered and a page at a time; their messages;
 * who is to call back (supervisors and coordinators assign); and the call-back itself, placed
 * from here: the call-back in progress and its record on top. A volunteer sees the requests
 * assigned to them. Whoever answers in the browser has the softphone here too.
 */
export function CallbackDesk({
  live,
  store,
  model,
  accessToken,
  serverNow,
}: {
  live: LiveState;
  store: ConsoleStore;
  model: ConsoleModel;
  accessToken: string;
  serverNow: (now: number) => number;
}) {
  const { t } = useI18n();
  const id = useId();
  const { me } = live;
  const overseer = me.roles.some((role) => OVERSEEING.includes(role));
  const calling = me.roles.some((role) => CALLING.includes(role));
  const telephony = live.telephony === 'on';
  const [form, setForm] = useState<CallbackFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<CallbackFilters>(NO_FILTERS);
  const [pages, setPages] = useState(FIRST_PAGE);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // The call-back whose record I owe: it outlives a wrap-up that ran out, as a call's does.
  const [owed, setOwed] = useState<string | null>(null);
  // Recorded here: gone from the page even before the server's new state arrives.
  const [recorded, setRecorded] = useState<string | null>(null);
  useEffect(() => {
    if (me.callbackId && me.state === 'wrap_up' && me.callbackId !== recorded)
      setOwed(me.callbackId);
  }, [me.callbackId, me.state, recorded]);
  const sessionId = me.callbackId ?? owed;

  // The list is read again when it changes for the wall (a request made, assigned, tried, done).
  const changed = JSON.stringify(live.callbacks ?? null);
  const path = listPath(filters, currentCursor(pages));
  const list = useLoad(
    (signal) => loadCallbacks(accessToken, path, signal),
    [accessToken, path, changed, me.callbackId],
  );
  const assignees = useLoad(overseer ? (signal) => loadAssignees(accessToken, signal) : null, [
    accessToken,
    overseer,
  ]);

  // A call-back that reached nobody frees its volunteer at once: say how it ended.
  const last = model.callbackAttempt;
  useEffect(() => {
    if (last?.status !== 'ended' || last.outcome === 'reached' || !last.outcome) return;
    setNotice({
      text: `${t('callbacks.session.ended', { outcome: t(`callbacks.outcome.${last.outcome}`) })} ${t('callbacks.session.notReached')}`,
      error: false,
    });
  }, [last?.attemptId, last?.status, last?.outcome, t]);

  const changedHere = (result: RowResult) => {
    setNotice(
      result.ok
        ? result.message
          ? { text: result.message, error: false }
          : null
        : { text: result.reason ?? t('callbacks.noAnswer'), error: true },
    );
    list.reload();
  };

  async function callBack(requestId: string) {
    setBusy(true);
    setNotice(null);
    const answer = await startCallBack(accessToken, requestId);
    setBusy(false);
    if (!answer.ok) setNotice({ text: answer.message ?? t('callbacks.noAnswer'), error: true });
    list.reload();
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(form);
    setPages(FIRST_PAGE);
  }
  const set = <K extends keyof CallbackFilters>(key: K, value: CallbackFilters[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const page = list.data?.ok ? list.data.value : null;
  const pageNumber = pages.cursors.length;

  return (
    <div className="callbacks">
      {sessionId && sessionId !== recorded && (
        <CallbackSession
          attemptId={sessionId}
          me={me}
          late={!me.callbackId}
          pushed={model.callbackAttempt}
          accessToken={accessToken}
          serverNow={serverNow}
          onRecorded={(text) => {
            setRecorded(sessionId);
            setOwed(null);
            setNotice({ text, error: false });
          }}
          onClose={() => setOwed(null)}
        />
      )}

      <section className="card" aria-labelledby={`${id}heading`}>
        <h2 id={`${id}heading`}>{t('callbacks.heading')}</h2>
        <p className="hint">{t('callbacks.intro')}</p>

        <form className="callbacks__filters" aria-label={t('callbacks.filters')} onSubmit={apply}>
          <label>
            {t('callbacks.status')}
            <select
              value={form.status}
              onChange={(event) => set('status', event.target.value as CallbackFilters['status'])}
            >
              {(['open', 'done', 'all'] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`callbacks.status.${value}`)}
                </option>
              ))}
            </select>
          </label>
          {overseer && (
            <label>
              {t('callbacks.assignee')}
              <select
                value={form.assignee}
                onChange={(event) =>
                  set('assignee', event.target.value as CallbackFilters['assignee'])
                }
              >
                {(['anyone', 'me', 'nobody'] as const).map((value) => (
                  <option key={value} value={value}>
                    {t(`callbacks.assignee.${value}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('callbacks.message')}
            <select
              value={form.message}
              onChange={(event) => set('message', event.target.value as CallbackFilters['message'])}
            >
              {(['any', 'with', 'without'] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`callbacks.message.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('callbacks.from')}
            <input
              type="date"
              value={form.from}
              onChange={(event) => set('from', event.target.value)}
            />
          </label>
          <label>
            {t('callbacks.to')}
            <input
              type="date"
              value={form.to}
              onChange={(event) => set('to', event.target.value)}
            />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.overdue}
              onChange={(event) => set('overdue', event.target.checked)}
            />
            {t('callbacks.overdueOnly')}
          </label>
          <button type="submit" className="button button--small">
            {t('callbacks.apply')}
          </button>
        </form>

        <div className="notice-area" aria-live="polite">
          {notice && (
            <p
              className={`notice ${notice.error ? 'notice--error' : 'notice--info'}`}
              role={notice.error ? 'alert' : 'status'}
            >
              {notice.text}
            </p>
          )}
        </div>

        {list.loading && !page ? (
          <p className="loading">{t('callbacks.loading')}</p>
        ) : list.data && !list.data.ok ? (
          <p className="notice notice--error" role="alert">
            {t('callbacks.failed', { reason: list.data.message ?? t('callbacks.noAnswer') })}{' '}
            <button type="button" className="button button--small" onClick={list.reload}>
              {t('callbacks.retry')}
            </button>
          </p>
        ) : page && page.items.length === 0 ? (
          <p className="hint">{t(overseer ? 'callbacks.empty' : 'callbacks.mineEmpty')}</p>
        ) : (
          page && (
            <>
              <p className="hint" data-total={page.total}>
                {t('callbacks.total', { count: page.total })} ·{' '}
                {t('callbacks.page', { page: pageNumber })}
              </p>
              <table className="table callbacks__list" aria-label={t('callbacks.list')}>
                <thead>
                  <tr>
                    <th scope="col">{t('callbacks.col.requested')}</th>
                    <th scope="col">{t('callbacks.col.evening')}</th>
                    <th scope="col">{t('callbacks.col.reason')}</th>
                    <th scope="col">{t('callbacks.col.message')}</th>
                    <th scope="col">{t('callbacks.col.assignee')}</th>
                    <th scope="col">{t('callbacks.col.attempts')}</th>
                    <th scope="col">{t('callbacks.col.state')}</th>
                    <th scope="col">{t('callbacks.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((item) => (
                    <CallbackRow
                      key={item.id}
                      item={item}
                      me={me}
                      telephony={telephony}
                      assignees={assignees.data?.ok ? assignees.data.value : null}
                      accessToken={accessToken}
                      busy={busy}
                      onCallBack={() => void callBack(item.id)}
                      onChanged={changedHere}
                    />
                  ))}
                </tbody>
              </table>
              <div className="callbacks__pages">
                <button
                  type="button"
                  className="button button--small"
                  disabled={pageNumber === 1}
                  onClick={() => setPages(previousPage(pages))}
                >
                  {t('callbacks.previous')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={!page.nextCursor}
                  onClick={() => page.nextCursor && setPages(nextPage(pages, page.nextCursor))}
                >
                  {t('callbacks.next')}
                </button>
              </div>
            </>
          )
        )}
      </section>

      {telephony && calling && (
        <Softphone
          accessToken={accessToken}
          expectingCall={me.state === 'talking' && Boolean(me.callbackId)}
          onRegistered={(registered) => store.reportSoftphone(registered)}
        />
      )}
    </div>
  );
}
