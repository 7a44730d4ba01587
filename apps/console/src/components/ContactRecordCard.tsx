import type { ReactNode } from 'react';
import { type ContactView, formatInstant } from '../casework';
import { type TextKey, callerTypeKey, useI18n } from '../i18n';

/**
 * One contact record as the crisis desk and case review show it: its fields, and its
 * confidential notes (shown only to those the server gave them to; that read is audited).
 */
export function ContactRecordCard({
  contact,
  timeZone,
}: {
  contact: ContactView;
  timeZone?: string;
}) {
  const { t, topic, locale } = useI18n();
  const keyed = (prefix: string, value: string | null) =>
    value ? t(`${prefix}.${value}` as TextKey) : t('crisisDesk.nobody');
  return (
    <section className="contact-record" aria-label={t('contactRecord.heading')}>
      <dl className="contact-record__fields">
        <Field name="channel" label={t('contactRecord.channel')}>
          {t(`units.channel.${contact.channel}`)}
        </Field>
        <Field name="occurredAt" label={t('contactRecord.occurredAt')}>
          {formatInstant(contact.occurredAt, locale, timeZone)}
        </Field>
        <Field name="callerType" label={t('contactRecord.callerType')}>
          {t(callerTypeKey(contact.callerType))}
        </Field>
        <Field name="ageBand" label={t('contactRecord.ageBand')}>
          {keyed('ageBand', contact.ageBand)}
        </Field>
        <Field name="grade" label={t('contactRecord.grade')}>
          {keyed('grade', contact.grade)}
        </Field>
        <Field name="gender" label={t('contactRecord.gender')}>
          {keyed('gender', contact.gender)}
        </Field>
        <Field name="district" label={t('contactRecord.district')}>
          {contact.district ?? t('crisisDesk.nobody')}
        </Field>
        <Field name="topics" label={t('contactRecord.topics')}>
          {contact.topics.length > 0
            ? contact.topics.map((key) => topic(key)).join('、')
            : topic(null)}
        </Field>
        <Field name="risk" label={t('contactRecord.risk')}>
          {keyed('risk', contact.riskLevel)}
        </Field>
        <Field name="outcome" label={t('contactRecord.outcome')}>
          {keyed('outcome', contact.outcome)}
        </Field>
      </dl>
      <h4>{t('contactRecord.notes')}</h4>
      <p className="contact-record__notes" data-field="notes">
        {contact.notes
          ? contact.notes
          : contact.notesClearedAt
            ? t('contactRecord.notesCleared')
            : t('contactRecord.noNotes')}
      </p>
    </section>
  );
}

function Field({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-field={name}>{children}</dd>
    </div>
  );
}
