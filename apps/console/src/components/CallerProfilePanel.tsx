import { useId, useState } from 'react';
import { CALLER_FLAGS, type CallerFlag, type ContactType } from '@hotline/console-protocol';
import { type CallerProfile, loadCallerProfile, saveCallerProfile } from '../api';
import { useI18n } from '../i18n';

/** The flags a supervisor sets; `frequent_caller` follows from the limit of calls. */
const SET_FLAGS = CALLER_FLAGS.filter((flag) => flag !== 'frequent_caller');
const GUIDANCE_MAX_LENGTH = 300;

/**
 * A call's caller profile on the wall, for supervisors: their contacts by type, the flags and
 * the guidance volunteers see on the offer. Opened on demand: each read is audited.
 */
export function CallerProfilePanel({
  callId,
  accessToken,
}: {
  callId: string;
  accessToken: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [profile, setProfile] = useState<CallerProfile | null>(null);
  const [flags, setFlags] = useState<CallerFlag[]>([]);
  const [guidance, setGuidance] = useState('');
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);

  const failed = (message: string | null) =>
    setStatus(t('profile.failed', { reason: message ?? t('error.noAnswer') }));

  function show(value: CallerProfile) {
    setProfile(value);
    setFlags(value.flags.filter((flag) => flag !== 'frequent_caller'));
    setGuidance(value.guidance ?? '');
  }

  async function open() {
    setStatus('');
    const answer = await loadCallerProfile(accessToken, callId);
    if (answer.ok) show(answer.value);
    else failed(answer.message);
  }

  async function save() {
    setSaving(true);
    const answer = await saveCallerProfile(accessToken, callId, { flags, guidance });
    setSaving(false);
    if (!answer.ok) return failed(answer.message);
    show(answer.value);
    setStatus(t('profile.saved'));
  }

  if (!profile)
    return (
      <div className="caller-profile">
        <button type="button" className="button button--small" onClick={() => void open()}>
          {t('profile.open')}
        </button>
        <span role="status" className="hint">
          {status}
        </span>
      </div>
    );
  return (
    <div className="caller-profile" role="group" aria-label={t('profile.heading')}>
      <p data-field="contacts">
        {t('profile.contacts', { count: profile.contacts })}
        {profile.byType.length > 0 &&
          ` (${profile.byType.map((row) => `${t(`contactType.${row.type as ContactType}`)} ${row.count}`).join(', ')})`}
      </p>
      {profile.flags.includes('frequent_caller') && (
        <span className="badge badge--flag">{t('callerFlag.frequent_caller')}</span>
      )}
      <fieldset className="caller-profile__flags">
        <legend>{t('offer.flags')}</legend>
        {SET_FLAGS.map((flag) => (
          <label key={flag}>
            <input
              type="checkbox"
              checked={flags.includes(flag)}
              onChange={(event) =>
                setFlags((current) =>
                  event.target.checked ? [...current, flag] : current.filter((f) => f !== flag),
                )
              }
            />{' '}
            {t(`callerFlag.${flag}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}guidance`}>{t('profile.guidance')}</label>
      <textarea
        id={`${id}guidance`}
        rows={2}
        maxLength={GUIDANCE_MAX_LENGTH}
        value={guidance}
        onChange={(event) => setGuidance(event.target.value)}
      />
      <div className="actions">
        <button
          type="button"
          className="button button--small button--primary"
          disabled={saving}
          onClick={() => void save()}
        >
          {t('profile.save')}
        </button>
        <button type="button" className="button button--small" onClick={() => setProfile(null)}>
          {t('profile.close')}
        </button>
        <span role="status" className="hint">
          {status}
        </span>
      </div>
    </div>
  );
}
