import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useDraft } from '../use-draft';
import {
  AGE_BANDS,
  CONTACT_OUTCOMES,
  CONTACT_TYPES,
  type ContactFields,
  GENDERS,
  GRADES,
  RISK_LEVELS,
} from '@hotline/console-protocol';
import type { TopicNode } from '../api';
import type { RecordDue, WrapUpResult } from '../console-store';
import {
  CALLER_TYPES,
  type ContactDraft,
  DISTRICT_MAX_LENGTH,
  type DraftProblem,
  NOTES_MAX_LENGTH,
  OTHER_TOPIC_SLOTS,
  checkDraft,
  opensCrisisCase,
} from '../contact-form';
import { type Locale, type Translate, useI18n } from '../i18n';

/** Marks a required field for sighted users; the control's `required` tells assistive technology. */
function Required() {
  return (
    <span className="required" aria-hidden="true">
      *
    </span>
  );
}

/** One <optgroup> per top-level topic: the topic itself ("general"), then its sub-topics. */
function TopicOptions({
  topics,
  locale,
  t,
  taken,
}: {
  topics: TopicNode[];
  locale: Locale;
  t: Translate;
  /** Keys chosen in the form's other topic fields. */
  taken: string[];
}) {
  return topics.map((top) => (
    <optgroup key={top.key} label={top.label[locale]}>
      <option value={top.key} disabled={taken.includes(top.key)}>
        {t('wrapUp.topicGeneral', { topic: top.label[locale] })}
      </option>
      {(top.children ?? []).map((child) => (
        <option key={child.key} value={child.key} disabled={taken.includes(child.key)}>
          {child.label[locale]}
        </option>
      ))}
    </optgroup>
  ));
}

function Field({
  id,
  label,
  required = false,
  wide = false,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`field${wide ? ' field--wide' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <Required />}
      </label>
      {children}
    </div>
  );
}

/**
 * The contact record of a call: written while talking (`live`: saved as typed, nothing to
 * send yet) and sent after the call, when wrap-up ends with it; the same form throughout, so
 * what was typed stays. A refusal is shown here with the server's reason, and the draft stays
 * as typed. Required fields are checked before sending, in the page's language, and the first
 * one missing gets the focus.
 */
export function WrapUpForm({
  recordDue,
  live = false,
  late,
  busy,
  accessToken,
  chat = false,
  onSubmit,
  onClose,
}: {
  recordDue: RecordDue;
  /** The record of a live chat (channel online, its transcript attached); a call's otherwise. */
  chat?: boolean;
  /** The call is still going on: the record is drafted, not sent. */
  live?: boolean;
  /** Wrap-up ran out before the record was saved: it can still be, or be left. */
  late: boolean;
  busy: boolean;
  /** For the draft kept on the server as the volunteer types. */
  accessToken: string;
  onSubmit: (contact: ContactFields) => Promise<WrapUpResult>;
  onClose: () => void;
}) {
  const { t, locale, topic, topics } = useI18n();
  const id = useId();
  const ids = {
    heading: `${id}heading`,
    contactType: `${id}contact-type`,
    callerType: `${id}caller-type`,
    ageBand: `${id}age-band`,
    grade: `${id}grade`,
    gender: `${id}gender`,
    district: `${id}district`,
    primaryTopic: `${id}primary-topic`,
    menuTopic: `${id}menu-topic`,
    otherTopic: (slot: number) => `${id}other-topic-${slot}`,
    risk: (level: string) => `${id}risk-${level}`,
    crisisNote: `${id}crisis-note`,
    outcome: `${id}outcome`,
    notes: `${id}notes`,
    notesHint: `${id}notes-hint`,
    notesCount: `${id}notes-count`,
    problems: `${id}problems`,
  };
  const heading = useRef<HTMLHeadingElement>(null);
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  // Move focus here when the call ends, so keyboard and screen-reader users land on the form.
  useEffect(() => {
    if (!live) heading.current?.focus();
  }, [live]);

  const topicKeys = useMemo(() => {
    const keys = new Set<string>();
    const walk = (nodes: TopicNode[] = []) =>
      nodes.forEach((node) => {
        keys.add(node.key);
        walk(node.children);
      });
    walk(topics);
    return keys;
  }, [topics]);
  const isTopic = (key: string) => topicKeys.has(key);
  const {
    draft,
    setDraft,
    saving: draftSaving,
    // A chat's record is written from its transcript, beside it; no draft is kept for it.
  } = useDraft(accessToken, chat ? null : recordDue.callId, recordDue.callerType, isTopic);

  // Once the volunteer has tried to save, what is still missing follows their corrections.
  const check = checkDraft(draft, isTopic);
  const problems = attempted && !check.ok ? check.problems : [];
  const invalid = (field: DraftProblem) =>
    problems.includes(field) ? { 'aria-invalid': true as const } : {};
  const describedBy = (field: DraftProblem, ...others: string[]) =>
    [...others, ...(problems.includes(field) ? [ids.problems] : [])].join(' ') || undefined;

  const set = <K extends keyof ContactDraft>(field: K, value: ContactDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setFailure(null);
  };
  const setOtherTopic = (slot: number, key: string) =>
    set(
      'otherTopics',
      draft.otherTopics.map((current, index) => (index === slot ? key : current)),
    );

  const firstControl: Record<DraftProblem, string> = {
    district: ids.district,
    primaryTopic: ids.primaryTopic,
    riskLevel: ids.risk(RISK_LEVELS[0]),
    outcome: ids.outcome,
    notes: ids.notes,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    // During the call the record is only drafted (Enter in a field must not send it).
    if (live || busy || submitting) return;
    setAttempted(true);
    setFailure(null);
    if (!check.ok) {
      document.getElementById(firstControl[check.problems[0]])?.focus();
      return;
    }
    setSubmitting(true);
    const result = await onSubmit(check.contact);
    setSubmitting(false);
    // On success the form goes away with the wrap-up; a refusal keeps the draft for a retry.
    if (!result.ok) {
      setFailure(
        result.error === null ? t('wrapUp.noAnswer') : t('wrapUp.failed', { reason: result.error }),
      );
    }
  }

  const crisis = opensCrisisCase(draft.riskLevel);
  const saving = busy || submitting;

  return (
    <form
      className="card wrap-up"
      data-record={recordDue.callId ?? ''}
      aria-labelledby={ids.heading}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h2 id={ids.heading} ref={heading} tabIndex={-1}>
        {t(chat ? 'wrapUp.chatHeading' : live ? 'wrapUp.liveHeading' : 'wrapUp.heading')}
      </h2>
      <p className="hint">
        {t(chat ? 'wrapUp.chatHint' : live ? 'wrapUp.liveHint' : 'wrapUp.hint')}
      </p>
      {late && !submitting && (
        <div className="wrap-up__late">
          <p>{t('wrapUp.late')}</p>
          <button type="button" className="button button--small" onClick={onClose}>
            {t('wrapUp.close')}
          </button>
        </div>
      )}

      <Field id={ids.contactType} label={t('wrapUp.contactType')}>
        <select
          id={ids.contactType}
          value={draft.contactType}
          onChange={(event) => set('contactType', event.target.value)}
        >
          {CONTACT_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`contactType.${value}`)}
            </option>
          ))}
        </select>
      </Field>

      <fieldset className="wrap-up__group">
        <legend>{t('wrapUp.caller')}</legend>
        <div className="wrap-up__fields">
          <Field id={ids.callerType} label={t('wrapUp.callerType')}>
            <select
              id={ids.callerType}
              value={draft.callerType}
              onChange={(event) => set('callerType', event.target.value)}
            >
              <option value="">{t('wrapUp.notGiven')}</option>
              {CALLER_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`caller.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={ids.ageBand} label={t('wrapUp.ageBand')}>
            <select
              id={ids.ageBand}
              value={draft.ageBand}
              onChange={(event) => set('ageBand', event.target.value)}
            >
              <option value="">{t('wrapUp.notGiven')}</option>
              {AGE_BANDS.map((value) => (
                <option key={value} value={value}>
                  {t(`ageBand.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={ids.grade} label={t('wrapUp.grade')}>
            <select
              id={ids.grade}
              value={draft.grade}
              onChange={(event) => set('grade', event.target.value)}
            >
              <option value="">{t('wrapUp.notGiven')}</option>
              {GRADES.map((value) => (
                <option key={value} value={value}>
                  {t(`grade.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={ids.gender} label={t('wrapUp.gender')}>
            <select
              id={ids.gender}
              value={draft.gender}
              onChange={(event) => set('gender', event.target.value)}
            >
              <option value="">{t('wrapUp.notGiven')}</option>
              {GENDERS.map((value) => (
                <option key={value} value={value}>
                  {t(`gender.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={ids.district} label={t('wrapUp.district')}>
            <input
              id={ids.district}
              type="text"
              autoComplete="off"
              maxLength={DISTRICT_MAX_LENGTH}
              value={draft.district}
              {...invalid('district')}
              aria-describedby={describedBy('district')}
              onChange={(event) => set('district', event.target.value)}
            />
          </Field>
        </div>
      </fieldset>

      {/* A non-counselling contact (silent, prank, ...) has no consultation to record. */}
      {draft.contactType === 'counselling' && (
        <fieldset className="wrap-up__group">
          <legend>{t('wrapUp.consultation')}</legend>
          <div className="wrap-up__fields">
            <Field id={ids.primaryTopic} label={t('wrapUp.primaryTopic')} required wide>
              <select
                id={ids.primaryTopic}
                required
                value={draft.primaryTopic}
                {...invalid('primaryTopic')}
                aria-describedby={describedBy(
                  'primaryTopic',
                  ...(recordDue.topic || topics.length === 0 ? [ids.menuTopic] : []),
                )}
                onChange={(event) => set('primaryTopic', event.target.value)}
              >
                <option value="">{t('wrapUp.chooseTopic')}</option>
                <TopicOptions
                  topics={topics}
                  locale={locale}
                  t={t}
                  taken={draft.otherTopics.filter(Boolean)}
                />
              </select>
              {topics.length === 0 ? (
                <p id={ids.menuTopic} className="field__hint">
                  {t('wrapUp.topicsLoading')}
                </p>
              ) : (
                recordDue.topic && (
                  <p id={ids.menuTopic} className="field__hint">
                    {t(chat ? 'wrapUp.chatTopic' : 'wrapUp.menuTopic', {
                      topic: topic(recordDue.topic),
                    })}
                  </p>
                )
              )}
            </Field>

            <fieldset className="field field--wide wrap-up__others">
              <legend>{t('wrapUp.otherTopics', { count: OTHER_TOPIC_SLOTS })}</legend>
              <div className="wrap-up__fields">
                {draft.otherTopics.map((key, slot) => (
                  <Field
                    key={slot}
                    id={ids.otherTopic(slot)}
                    label={t('wrapUp.otherTopic', { n: slot + 1 })}
                  >
                    <select
                      id={ids.otherTopic(slot)}
                      value={key}
                      onChange={(event) => setOtherTopic(slot, event.target.value)}
                    >
                      <option value="">{t('wrapUp.noTopic')}</option>
                      <TopicOptions
                        topics={topics}
                        locale={locale}
                        t={t}
                        taken={[
                          draft.primaryTopic,
                          ...draft.otherTopics.filter((_, other) => other !== slot),
                        ].filter(Boolean)}
                      />
                    </select>
                  </Field>
                ))}
              </div>
            </fieldset>

            <fieldset className="field field--wide wrap-up__risk">
              <legend>
                {t('wrapUp.riskLevel')}
                <Required />
              </legend>
              <div className="risk">
                {RISK_LEVELS.map((level) => {
                  const opens = opensCrisisCase(level);
                  return (
                    <label
                      key={level}
                      className={`risk__option${opens ? ' risk__option--crisis' : ''}`}
                    >
                      <input
                        id={ids.risk(level)}
                        type="radio"
                        name="riskLevel"
                        value={level}
                        required
                        checked={draft.riskLevel === level}
                        {...invalid('riskLevel')}
                        aria-describedby={describedBy(
                          'riskLevel',
                          ...(opens ? [ids.crisisNote] : []),
                        )}
                        onChange={() => set('riskLevel', level)}
                      />
                      {t(`risk.${level}`)}
                    </label>
                  );
                })}
              </div>
              <p
                id={ids.crisisNote}
                className={`wrap-up__crisis-note${crisis ? ' wrap-up__crisis-note--chosen' : ''}`}
              >
                {t('wrapUp.crisisNote')}
              </p>
            </fieldset>

            <Field id={ids.outcome} label={t('wrapUp.outcome')} required wide>
              <select
                id={ids.outcome}
                required
                value={draft.outcome}
                {...invalid('outcome')}
                aria-describedby={describedBy('outcome')}
                onChange={(event) => set('outcome', event.target.value)}
              >
                <option value="">{t('wrapUp.chooseOutcome')}</option>
                {CONTACT_OUTCOMES.map((value) => (
                  <option key={value} value={value}>
                    {t(`outcome.${value}`)}
                  </option>
                ))}
              </select>
            </Field>

            <Field id={ids.notes} label={t('wrapUp.notes')} wide>
              <p id={ids.notesHint} className="field__hint">
                {t('wrapUp.notesHint')}
              </p>
              <textarea
                id={ids.notes}
                rows={5}
                maxLength={NOTES_MAX_LENGTH}
                value={draft.notes}
                {...invalid('notes')}
                aria-describedby={describedBy('notes', ids.notesHint, ids.notesCount)}
                onChange={(event) => set('notes', event.target.value)}
              />
              <p id={ids.notesCount} className="field__hint field__count">
                {t('wrapUp.notesCount', { count: draft.notes.length, max: NOTES_MAX_LENGTH })}
              </p>
            </Field>
          </div>
        </fieldset>
      )}

      <div id={ids.problems} className="wrap-up__problem" role="alert">
        {problems.length > 0 && (
          <>
            <p>{t('wrapUp.incomplete')}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>
                  {t(`wrapUp.problem.${problem}`, {
                    max: problem === 'district' ? DISTRICT_MAX_LENGTH : NOTES_MAX_LENGTH,
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        {failure && <p>{failure}</p>}
      </div>

      <div className="wrap-up__actions">
        {!live && (
          <button
            type="submit"
            className="button button--primary"
            disabled={saving}
            aria-describedby={problems.length > 0 || failure ? ids.problems : undefined}
          >
            {t('wrapUp.submit')}
          </button>
        )}
        <span className="hint" role="status">
          {saving ? t('wrapUp.saving') : ''}
        </span>
        <span className="hint wrap-up__draft" data-draft={draftSaving}>
          {draftSaving === 'idle' ? '' : t(`draft.${draftSaving}`)}
        </span>
      </div>
    </form>
  );
}
