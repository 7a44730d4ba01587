import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { ApiAnswer } from '../api';
import {
  type CrisisCaseDetail,
  durationText,
  formatInstant,
  msUntilDue,
  reportUrgency,
} from '../casework';
import {
  addFollowUp,
  closeCase,
  fileReport,
  loadCase,
  loadContact,
  loadPartners,
  referCase,
  saveReportDraft,
  takeCase,
} from '../casework-api';
import { type TextKey, callerTypeKey, useI18n } from '../i18n';
import { formatDuration, useNow } from '../time';
import { useLoad } from '../use-load';
import { ContactRecordCard } from './ContactRecordCard';

type Outcome = { ok: true; text: string } | { ok: false; text: string };

/**
 * One crisis case on the desk: who has it and when its report is due, its contact record and
 * call, the referral to a partner hospital, the follow-ups, the written report (drafted, then
 * filed once) and the closing. Taking and closing are a supervisor's; the server refuses them
 * to anyone else whatever the page shows.
 */
export function CrisisCasePanel({
  accessToken,
  caseId,
  meId,
  supervisor,
  serverNow,
  timeZone,
  onChanged,
  onClose,
}: {
  accessToken: string;
  caseId: string;
  meId: string;
  /** Supervises the case's hotline: may take and close it. */
  supervisor: boolean;
  serverNow: (now: number) => number;
  timeZone?: string;
  /** The case changed: the list should show it anew. */
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t, locale, topic } = useI18n();
  const id = useId();
  const now = serverNow(useNow(1000));
  const loaded = useLoad((signal) => loadCase(accessToken, caseId, signal), [accessToken, caseId]);
  // What the last change answered: the case as it is now, without reading it once more.
  const [latest, setLatest] = useState<CrisisCaseDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [partnerId, setPartnerId] = useState('');
  const [referralNote, setReferralNote] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [report, setReport] = useState<string | null>(null);
  const [confirmFiling, setConfirmFiling] = useState(false);
  const [closingNote, setClosingNote] = useState('');
  const [showContact, setShowContact] = useState(false);

  const crisisCase = latest ?? (loaded.data?.ok ? loaded.data.value : null);
  const partners = useLoad(
    crisisCase ? (signal) => loadPartners(accessToken, crisisCase.hotlineId, signal) : null,
    [accessToken, crisisCase?.hotlineId],
  );
  const contact = useLoad(
    showContact && crisisCase?.contactId
      ? (signal) => loadContact(accessToken, crisisCase.contactId!, signal)
      : null,
    [accessToken, showContact, crisisCase?.contactId],
  );
  const at = (iso: string) => formatInstant(iso, locale, timeZone);
  const reason = (answer: { message: string | null }) => answer.message ?? t('error.noAnswer');

  async function act<T>(
    request: () => Promise<ApiAnswer<T>>,
    done: TextKey,
    after?: (value: T) => void,
  ) {
    setBusy(true);
    setOutcome(null);
    const answer = await request();
    setBusy(false);
    if (!answer.ok) {
      setOutcome({ ok: false, text: t('crisisDesk.failedAction', { reason: reason(answer) }) });
      return;
    }
    after?.(answer.value);
    setOutcome({ ok: true, text: t(done) });
    onChanged();
  }
  const changed = (next: CrisisCaseDetail) => setLatest(next);

  // The record opened takes the focus (and the view), so that it is read next.
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = crisisCase?.id;
  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown]);

  if (!crisisCase)
    return (
      <section className="card crisis-case" aria-busy={loaded.loading}>
        {loaded.data && !loaded.data.ok ? (
          <p className="notice notice--error" role="alert">
            {t('crisisDesk.caseFailed', { reason: reason(loaded.data) })}
          </p>
        ) : (
          <p className="loading">{t('crisisDesk.caseLoading')}</p>
        )}
      </section>
    );

  const urgency = reportUrgency(crisisCase, now);
  const open = crisisCase.closedAt === null;
  const draftText = report ?? crisisCase.reportDraft?.report ?? '';
  const activePartners = partners.data?.ok
    ? partners.data.value.filter((partner) => partner.active)
    : [];
  const call = crisisCase.call;

  return (
    <section
      className="card crisis-case"
      aria-labelledby={`${id}-heading`}
      data-case={crisisCase.id}
      data-urgency={urgency}
    >
      <header className="crisis-case__header">
        <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {t('crisisDesk.case', { opened: at(crisisCase.openedAt) })}
        </h3>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('crisisDesk.close')}
        </button>
      </header>
      <dl className="crisis-case__facts">
        <Fact label={t('crisisDesk.trigger')}>{t(`crisisDesk.trigger.${crisisCase.trigger}`)}</Fact>
        <Fact label={t('crisisDesk.risk')}>
          {crisisCase.riskLevel ? t(`risk.${crisisCase.riskLevel}`) : t('crisisDesk.nobody')}
        </Fact>
        <Fact label={t('crisisDesk.volunteer')}>
          {crisisCase.volunteerName ?? t('crisisDesk.nobody')}
        </Fact>
        <Fact label={t('crisisDesk.supervisor')}>
          <span data-field="supervisor">
            {crisisCase.supervisorName ?? t('crisisDesk.notTaken')}
          </span>
        </Fact>
        <Fact label={t('crisisDesk.report')}>
          <Countdown urgency={urgency} msLeft={msUntilDue(crisisCase, now)} />
          <span className="hint"> {t('crisisDesk.dueAt', { at: at(crisisCase.reportDueAt) })}</span>
        </Fact>
      </dl>
      {supervisor && open && crisisCase.supervisorId !== meId && (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void act(() => takeCase(accessToken, caseId), 'crisisDesk.taken', changed)}
        >
          {t('crisisDesk.take')}
        </button>
      )}

      <p className="crisis-case__outcome" role={outcome?.ok === false ? 'alert' : 'status'}>
        {outcome?.text}
      </p>

      <section className="crisis-case__part" aria-labelledby={`${id}-links`}>
        <h4 id={`${id}-links`}>{t('crisisDesk.links')}</h4>
        {call ? (
          <dl className="crisis-case__facts" data-call={call.id}>
            <Fact label={t('crisisDesk.callArrived')}>{at(call.arrivedAt)}</Fact>
            <Fact label={t('crisisDesk.callAnswered')}>
              {call.answeredAt ? at(call.answeredAt) : t('crisisDesk.nobody')}
            </Fact>
            <Fact label={t('crisisDesk.callEnded')}>
              {call.endedAt ? at(call.endedAt) : t('crisisDesk.nobody')}
            </Fact>
            <Fact label={t('contactRecord.callerType')}>{t(callerTypeKey(call.callerType))}</Fact>
            <Fact label={t('crisisDesk.callTopic')}>{topic(call.topic)}</Fact>
            <Fact label={t('crisisDesk.callWait')}>
              {call.waitSeconds === null
                ? t('crisisDesk.nobody')
                : formatDuration(call.waitSeconds)}
            </Fact>
            <Fact label={t('crisisDesk.callTalk')}>
              {call.talkSeconds === null
                ? t('crisisDesk.nobody')
                : formatDuration(call.talkSeconds)}
            </Fact>
          </dl>
        ) : (
          <p className="hint">{t('crisisDesk.noCall')}</p>
        )}
        {crisisCase.contactId ? (
          <>
            <button
              type="button"
              className="button"
              aria-expanded={showContact}
              onClick={() => setShowContact((shown) => !shown)}
            >
              {showContact ? t('crisisDesk.hideContact') : t('crisisDesk.openContact')}
            </button>
            {showContact &&
              (contact.data?.ok ? (
                <ContactRecordCard contact={contact.data.value} timeZone={timeZone} />
              ) : contact.data ? (
                <p className="notice notice--error" role="alert">
                  {t('contactRecord.failed', { reason: reason(contact.data) })}
                </p>
              ) : (
                <p className="loading">{t('contactRecord.loading')}</p>
              ))}
          </>
        ) : (
          <p className="hint">{t('crisisDesk.noContact')}</p>
        )}
      </section>

      <section className="crisis-case__part" aria-labelledby={`${id}-referral`}>
        <h4 id={`${id}-referral`}>{t('crisisDesk.referral')}</h4>
        <p data-field="referral">
          {crisisCase.partner && crisisCase.referredAt
            ? t('crisisDesk.referredTo', {
                partner: crisisCase.partner.name,
                at: at(crisisCase.referredAt),
              })
            : t('crisisDesk.notReferred')}
        </p>
        {crisisCase.referralNote && <p className="crisis-case__text">{crisisCase.referralNote}</p>}
        {open &&
          (partners.data?.ok && activePartners.length === 0 ? (
            <p className="hint">{t('crisisDesk.noPartners')}</p>
          ) : (
            <form
              className="crisis-case__form"
              onSubmit={(event) => {
                event.preventDefault();
                void act(
                  () => referCase(accessToken, caseId, partnerId, referralNote.trim()),
                  'crisisDesk.referred',
                  (next) => {
                    changed(next);
                    setReferralNote('');
                  },
                );
              }}
            >
              <label className="field">
                {t('crisisDesk.partnerPick')}
                <select value={partnerId} onChange={(event) => setPartnerId(event.target.value)}>
                  <option value="">{t('crisisDesk.partnerChoose')}</option>
                  {activePartners.map((partner) => (
                    <option key={partner.id} value={partner.id}>
                      {partner.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field field--wide">
                {t('crisisDesk.referralNote')}
                <textarea
                  rows={2}
                  maxLength={8000}
                  value={referralNote}
                  onChange={(event) => setReferralNote(event.target.value)}
                />
              </label>
              <button type="submit" className="button" disabled={busy || !partnerId}>
                {t('crisisDesk.refer')}
              </button>
            </form>
          ))}
      </section>

      <section className="crisis-case__part" aria-labelledby={`${id}-follow-ups`}>
        <h4 id={`${id}-follow-ups`}>{t('crisisDesk.followUps')}</h4>
        {crisisCase.followUps.length === 0 ? (
          <p className="hint">{t('crisisDesk.noFollowUps')}</p>
        ) : (
          <ol className="crisis-case__follow-ups">
            {crisisCase.followUps.map((entry) => (
              <li key={entry.id} data-follow-up={entry.id}>
                <span className="hint">
                  {at(entry.at)} · {entry.authorName ?? t('crisisDesk.nobody')}
                </span>
                <p className="crisis-case__text">{entry.note ?? t('review.textCleared')}</p>
              </li>
            ))}
          </ol>
        )}
        <form
          className="crisis-case__form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              () => addFollowUp(accessToken, caseId, followUp.trim()),
              'crisisDesk.followedUp',
              (next) => {
                changed(next);
                setFollowUp('');
              },
            );
          }}
        >
          <label className="field field--wide">
            {t('crisisDesk.followUpNote')}
            <textarea
              rows={2}
              maxLength={8000}
              value={followUp}
              onChange={(event) => setFollowUp(event.target.value)}
            />
          </label>
          <button type="submit" className="button" disabled={busy || !followUp.trim()}>
            {t('crisisDesk.addFollowUp')}
          </button>
        </form>
      </section>

      <section className="crisis-case__part" aria-labelledby={`${id}-report`}>
        <h4 id={`${id}-report`}>{t('crisisDesk.reportHeading')}</h4>
        {crisisCase.reportFiledAt ? (
          <>
            <p className="crisis-case__text" data-field="report">
              {crisisCase.report ?? t('review.textCleared')}
            </p>
            <p className="hint">
              {t('crisisDesk.filedBy', {
                name: crisisCase.reportFiledByName ?? t('crisisDesk.nobody'),
                at: at(crisisCase.reportFiledAt),
              })}
            </p>
          </>
        ) : open ? (
          <form
            className="crisis-case__form"
            onSubmit={(event) => {
              event.preventDefault();
              setConfirmFiling(true);
            }}
          >
            <label className="field field--wide">
              {t('crisisDesk.reportText')}
              <textarea
                rows={8}
                maxLength={8000}
                value={draftText}
                onChange={(event) => {
                  setReport(event.target.value);
                  setConfirmFiling(false);
                }}
              />
            </label>
            {crisisCase.reportDraft && (
              <p className="hint" data-field="draft">
                {t('crisisDesk.draftSaved', {
                  name: crisisCase.reportDraft.savedByName ?? t('crisisDesk.nobody'),
                  at: at(crisisCase.reportDraft.savedAt),
                })}
              </p>
            )}
            {confirmFiling ? (
              <div
                className="crisis-case__confirm"
                role="group"
                aria-label={t('crisisDesk.fileReport')}
              >
                <p>{t('crisisDesk.fileConfirm')}</p>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy}
                  onClick={() =>
                    void act(
                      () => fileReport(accessToken, caseId, draftText.trim()),
                      'crisisDesk.filed',
                      (next) => {
                        changed(next);
                        setConfirmFiling(false);
                      },
                    )
                  }
                >
                  {t('crisisDesk.fileNow')}
                </button>
                <button type="button" className="button" onClick={() => setConfirmFiling(false)}>
                  {t('crisisDesk.cancel')}
                </button>
              </div>
            ) : (
              <div className="crisis-case__buttons">
                <button
                  type="button"
                  className="button"
                  disabled={busy || !draftText.trim()}
                  onClick={() =>
                    void act(
                      () => saveReportDraft(accessToken, caseId, draftText.trim()),
                      'crisisDesk.draftDone',
                      (draft) => setLatest({ ...crisisCase, reportDraft: draft }),
                    )
                  }
                >
                  {t('crisisDesk.saveDraft')}
                </button>
                <button
                  type="submit"
                  className="button button--primary"
                  disabled={busy || !draftText.trim()}
                >
                  {t('crisisDesk.fileReport')}
                </button>
              </div>
            )}
          </form>
        ) : null}
      </section>

      <section className="crisis-case__part" aria-labelledby={`${id}-closing`}>
        <h4 id={`${id}-closing`}>{t('crisisDesk.closing')}</h4>
        {crisisCase.closedAt ? (
          <>
            <p data-field="closed">{t('crisisDesk.closedAt', { at: at(crisisCase.closedAt) })}</p>
            {crisisCase.closingNote && (
              <p className="crisis-case__text">{crisisCase.closingNote}</p>
            )}
          </>
        ) : supervisor ? (
          <form
            className="crisis-case__form"
            onSubmit={(event) => {
              event.preventDefault();
              void act(
                () => closeCase(accessToken, caseId, closingNote.trim()),
                'crisisDesk.closed',
                changed,
              );
            }}
          >
            <label className="field field--wide">
              {t('crisisDesk.closingNote')}
              <textarea
                rows={2}
                maxLength={8000}
                value={closingNote}
                onChange={(event) => setClosingNote(event.target.value)}
              />
            </label>
            {!crisisCase.reportFiledAt && (
              <p className="hint">{t('crisisDesk.closeNeedsReport')}</p>
            )}
            <button type="submit" className="button" disabled={busy || !crisisCase.reportFiledAt}>
              {t('crisisDesk.closeCase')}
            </button>
          </form>
        ) : null}
      </section>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The report's countdown: red once late, amber within two hours. */
export function Countdown({
  urgency,
  msLeft,
}: {
  urgency: ReturnType<typeof reportUrgency>;
  msLeft: number;
}) {
  const { t } = useI18n();
  const time = durationText(t, msLeft);
  return (
    <span className={`countdown countdown--${urgency}`} data-urgency={urgency}>
      {t(`crisisDesk.urgency.${urgency}`, { time })}
    </span>
  );
}
