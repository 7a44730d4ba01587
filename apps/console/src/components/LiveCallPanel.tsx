import type { CallParticipant, LiveCall } from '@hotline/console-protocol';
import { useState } from 'react';
import type { Colleague } from '../console-store';
import { callerTypeKey, useI18n } from '../i18n';
import { CallerFlags } from './CallerFlags';
import { formatDuration, secondsSince, useNow } from '../time';

/**
 * The call I am in: how long it has run, who is calling about what, how often this number
 * called before, who else is in the call, and "crisis now", which opens a crisis case at once
 * and brings the supervisors (the contact form sits beside it). The volunteer holds the caller,
 * mutes themself or sends the caller back to the queue for another topic from here.
 */
export function LiveCallPanel({
  call,
  meId,
  busy,
  serverNow,
  onCrisisNow,
  onHold,
  onMute,
  onTransfer,
  warm,
}: {
  call: LiveCall;
  meId: string;
  busy: boolean;
  serverNow: (now: number) => number;
  onCrisisNow: () => void;
  onHold: (on: boolean) => void;
  onMute: (on: boolean) => void;
  onTransfer: (topic: string) => void;
  warm: WarmTransferActions;
}) {
  const { t, topic } = useI18n();
  const now = serverNow(useNow());
  const mine = call.participants.find((participant) => participant.volunteerId === meId);
  const crisisOpen = call.crisisCaseId !== null;

  const person = (participant: CallParticipant) => {
    const name =
      participant.volunteerId === meId
        ? t('live.you', { name: participant.name })
        : participant.name;
    if (participant.mode === 'consult') return t('live.consulting', { name });
    return t(
      participant.role === 'supervisor' ? `live.supervisor.${participant.mode}` : 'live.talking',
      { name },
    );
  };

  return (
    <section className="card live-call" aria-labelledby="live-call-heading" data-call={call.callId}>
      <h2 id="live-call-heading">{t('talking.heading')}</h2>
      {/* Ticks every second: not something to announce every second. */}
      <p className="live-call__timer" aria-live="off">
        {t('live.timer', { time: formatDuration(secondsSince(call.answeredAt, now)) })}
      </p>
      <dl className="live-call__details">
        <dt>{t('live.callerType')}</dt>
        <dd data-field="callerType">{t(callerTypeKey(call.callerType))}</dd>
        <dt>{t('live.topic')}</dt>
        <dd data-field="topic">{topic(call.topic)}</dd>
        <dt>{t('live.priority')}</dt>
        <dd data-field="priority" data-priority={call.priority}>
          {t(`priority.${call.priority}`)}
        </dd>
        <dt>{t('live.earlier')}</dt>
        <dd data-field="earlierContacts">
          {t('live.earlierCount', { count: call.earlierContacts })}
        </dd>
      </dl>
      {(call.callerFlags?.length ?? 0) > 0 && (
        <p className="live-call__flags" aria-label={t('offer.flags')}>
          <CallerFlags flags={call.callerFlags} />
        </p>
      )}
      {call.callerOnHold && (
        <p className="live-call__hold" role="status">
          {t('live.onHold')}
        </p>
      )}
      <h3 className="live-call__people-heading">{t('live.people')}</h3>
      <ul className="live-call__people" aria-live="polite">
        {call.participants.map((participant) => (
          <li
            key={participant.volunteerId}
            data-role={participant.role}
            data-mode={participant.mode}
          >
            {person(participant)}
            {participant.muted && <span className="live-call__muted"> · {t('live.muted')}</span>}
          </li>
        ))}
      </ul>
      {mine?.role === 'volunteer' && mine.mode === 'talk' && (
        <>
          <CallControls
            call={call}
            muted={mine.muted === true}
            busy={busy}
            onHold={onHold}
            onMute={onMute}
            onTransfer={onTransfer}
          />
          <WarmTransferControls call={call} busy={busy} warm={warm} />
        </>
      )}
      {mine?.role !== 'supervisor' && (
        <div className="live-call__crisis">
          <button
            type="button"
            className="button button--alarm"
            disabled={busy || crisisOpen}
            aria-describedby="live-call-crisis-hint"
            onClick={onCrisisNow}
          >
            {t('live.crisisNow')}
          </button>
          <p id="live-call-crisis-hint" className="hint" role={crisisOpen ? 'status' : undefined}>
            {t(crisisOpen ? 'live.crisisOpened' : 'live.crisisHint')}
          </p>
        </div>
      )}
    </section>
  );
}

/** Hold, mute and the cold transfer: what the volunteer in the call does with it. */
function CallControls({
  call,
  muted,
  busy,
  onHold,
  onMute,
  onTransfer,
}: {
  call: LiveCall;
  muted: boolean;
  busy: boolean;
  onHold: (on: boolean) => void;
  onMute: (on: boolean) => void;
  onTransfer: (topic: string) => void;
}) {
  const { t, topic, topics } = useI18n();
  const [target, setTarget] = useState('');
  return (
    <div className="live-call__controls" role="group" aria-label={t('live.controls')}>
      <button
        type="button"
        className="button"
        data-control="hold"
        disabled={busy}
        onClick={() => onHold(!call.callerOnHold)}
      >
        {t(call.callerOnHold ? 'live.resume' : 'live.hold')}
      </button>
      <button
        type="button"
        className="button"
        data-control="mute"
        disabled={busy}
        onClick={() => onMute(!muted)}
      >
        {t(muted ? 'live.unmute' : 'live.mute')}
      </button>
      <label htmlFor="live-call-transfer-topic">{t('live.transferTopic')}</label>
      <select
        id="live-call-transfer-topic"
        value={target}
        aria-describedby="live-call-transfer-hint"
        onChange={(event) => setTarget(event.target.value)}
      >
        <option value="">{t('live.transferChoose')}</option>
        {topics.map((top) => (
          <option key={top.key} value={top.key}>
            {topic(top.key)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        data-control="transfer"
        disabled={busy || !target}
        onClick={() => onTransfer(target)}
      >
        {t('live.transfer')}
      </button>
      <p id="live-call-transfer-hint" className="hint">
        {t('live.transferHint')}
      </p>
    </div>
  );
}

/** What the panel asks of the store for a warm transfer. */
export interface WarmTransferActions {
  colleagues: () => Promise<Colleague[]>;
  start: (volunteerId: string) => void;
  end: (complete: boolean) => void;
}

/**
 * The warm transfer: pick an available colleague (the list is read when opened), who is rung
 * in while the caller hears hold music; then hand the caller over or take them back.
 */
function WarmTransferControls({
  call,
  busy,
  warm,
}: {
  call: LiveCall;
  busy: boolean;
  warm: WarmTransferActions;
}) {
  const { t } = useI18n();
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);
  const [target, setTarget] = useState('');
  const consulted = call.participants.find((participant) => participant.mode === 'consult');
  if (consulted)
    return (
      <div className="live-call__warm" role="group" aria-label={t('live.warm')}>
        <p role="status">{t('live.warmUnderWay', { name: consulted.name })}</p>
        <button
          type="button"
          className="button button--primary"
          data-control="warm-complete"
          disabled={busy}
          onClick={() => warm.end(true)}
        >
          {t('live.warmComplete')}
        </button>
        <button
          type="button"
          className="button"
          data-control="warm-cancel"
          disabled={busy}
          onClick={() => warm.end(false)}
        >
          {t('live.warmCancel')}
        </button>
      </div>
    );
  return (
    <div className="live-call__warm" role="group" aria-label={t('live.warm')}>
      <label htmlFor="live-call-warm-colleague">{t('live.warmColleague')}</label>
      <select
        id="live-call-warm-colleague"
        value={target}
        aria-describedby="live-call-warm-hint"
        onFocus={() => void warm.colleagues().then(setColleagues)}
        onChange={(event) => setTarget(event.target.value)}
      >
        <option value="">
          {t(colleagues?.length === 0 ? 'live.warmNobody' : 'live.warmChoose')}
        </option>
        <ColleagueOptions colleagues={colleagues} />
      </select>
      <button
        type="button"
        className="button"
        data-control="warm"
        disabled={busy || !target}
        onClick={() => warm.start(target)}
      >
        {t('live.warmStart')}
      </button>
      <p id="live-call-warm-hint" className="hint">
        {t('live.warmHint')}
      </p>
    </div>
  );
}

/** The colleagues available to take a caller or a writer, as a list's options. */
export function ColleagueOptions({ colleagues }: { colleagues: Colleague[] | null }) {
  const { t } = useI18n();
  return (colleagues ?? []).map((colleague) => (
    <option key={colleague.id} value={colleague.id}>
      {t(colleague.role === 'supervisor' ? 'live.warmSupervisor' : 'live.warmVolunteer', {
        name: colleague.name,
      })}
    </option>
  ));
}
