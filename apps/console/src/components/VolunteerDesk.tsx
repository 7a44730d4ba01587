import type { Presence } from '@hotline/console-protocol';
import type { ConsoleModel, ConsoleStore } from '../console-store';
import { useI18n } from '../i18n';
import type { LiveState } from '../live-state';
import { unlockAudio } from '../sounds';
import { formatDuration, secondsSince, useNow } from '../time';
import { callToBookFor } from '../booking';
import { BookingPanel } from './BookingPanel';
import { HeldChats } from './HeldChats';
import { LiveCallPanel } from './LiveCallPanel';
import { OfferPanel } from './OfferPanel';
import { QueueSummary } from './QueueSummary';
import { Softphone } from './Softphone';
import { WrapUpForm } from './WrapUpForm';

const PRESENCES: Presence[] = ['available', 'break', 'offline'];

/** A volunteer's shift: own state, the ringing offer, wrap-up, and the queue at a glance. */
export function VolunteerDesk({
  live,
  store,
  model,
  accessToken,
  serverNow,
  onOpenCallbacks,
}: {
  live: LiveState;
  store: ConsoleStore;
  model: ConsoleModel;
  accessToken: string;
  serverNow: (now: number) => number;
  /** A call-back under way (or its record due) is worked on the call-back desk. */
  onOpenCallbacks?: () => void;
}) {
  const { t } = useI18n();
  const now = useNow();
  const { me, offer } = live;
  // Presence is chosen by the volunteer only between calls; the server also refuses otherwise.
  const betweenCalls = !['offered', 'talking', 'wrap_up'].includes(me.state);
  const bookingFor = callToBookFor(me);
  // The record is written while talking (a volunteer's own call) and sent at wrap-up.
  const talkingOn =
    live.liveCall && me.state === 'talking'
      ? {
          callId: live.liveCall.callId,
          callerType: live.liveCall.callerType,
          topic: live.liveCall.topic,
        }
      : null;
  const recordFor = model.recordDue ?? talkingOn;

  return (
    <div className="desk">
      {offer && (
        <OfferPanel
          offer={offer}
          seenAt={model.offerSeenAt}
          serverNow={serverNow}
          busy={model.busy}
          onAccept={() => void store.accept(offer.offerId)}
          onDecline={() => void store.decline(offer.offerId)}
        />
      )}

      <section className="card me" aria-labelledby="me-heading">
        <h2 id="me-heading">{t('me.heading')}</h2>
        <p className={`me__state state state--${me.state}`} data-state={me.state}>
          <strong>
            {t(
              me.state === 'talking' && me.chatIds?.length ? 'state.chatting' : `state.${me.state}`,
            )}
          </strong>{' '}
          <span className="me__since">
            {t('me.inState', { time: formatDuration(secondsSince(me.since, serverNow(now))) })}
          </span>
        </p>
        {me.state === 'missed' && <p className="hint">{t('state.missedHint')}</p>}
        {me.ringsOn && (
          <p
            className={`hint me__rings me__rings--${me.ringsOn}`}
            data-rings-on={me.ringsOn}
            role={me.ringsOn === 'nowhere' ? 'alert' : undefined}
          >
            {t(`ringsOn.${me.ringsOn}`)}
          </p>
        )}
        <div className="presence" role="group" aria-label={t('presence.label')}>
          {PRESENCES.map((presence) => (
            <button
              key={presence}
              type="button"
              className={`button presence__${presence}`}
              aria-pressed={me.state === presence}
              disabled={!betweenCalls || model.busy}
              onClick={() => {
                unlockAudio(); // a click now lets the next offer ring out loud
                void store.setPresence(presence);
              }}
            >
              {t(`presence.${presence}`)}
            </button>
          ))}
        </div>
      </section>

      {me.callbackId && (
        <section className="card callbacks__elsewhere" aria-live="polite">
          <p>{t('callbacks.elsewhere')}</p>
          <button type="button" className="button button--small" onClick={onOpenCallbacks}>
            {t('callbacks.openDesk')}
          </button>
        </section>
      )}

      {live.liveCall ? (
        <LiveCallPanel
          call={live.liveCall}
          meId={me.id}
          busy={model.busy}
          serverNow={serverNow}
          onCrisisNow={() => void store.crisisNow(live.liveCall!.callId)}
          onHold={(on) => void store.hold(live.liveCall!.callId, on)}
          onMute={(on) => void store.mute(live.liveCall!.callId, on)}
          onTransfer={(topic) => void store.transferToQueue(live.liveCall!.callId, topic)}
          warm={{
            colleagues: () => store.colleagues(live.liveCall!.callId),
            start: (id) => void store.warmTransfer(live.liveCall!.callId, id),
            end: (complete) => void store.endWarmTransfer(live.liveCall!.callId, complete),
          }}
        />
      ) : (
        // Talking in chats only, or calling back: their panels say so.
        me.state === 'talking' &&
        !me.callbackId &&
        !me.chatIds?.length && (
          <section className="card talking" aria-live="polite">
            <h2>{t('talking.heading')}</h2>
          </section>
        )
      )}

      <HeldChats
        live={live}
        store={store}
        busy={model.busy}
        accessToken={accessToken}
        serverNow={serverNow}
      />

      {recordFor && (
        <WrapUpForm
          // One form per call, from the first words to the wrap-up: what was typed stays.
          key={recordFor.callId ?? 'unnamed'}
          recordDue={recordFor}
          live={!model.recordDue}
          // Late: wrap-up ran out before the record was sent (never while still talking).
          late={model.recordDue !== null && me.state !== 'wrap_up'}
          busy={model.busy}
          accessToken={accessToken}
          // Without the call's id the server refuses, and the form shows its reason.
          onSubmit={(contact) => store.finishWrapUp(model.recordDue?.callId ?? '', contact)}
          onClose={() => store.dropLateRecord()}
        />
      )}

      {bookingFor && (
        // One panel per call: a new call starts with an empty one. The wrap-up form beside it
        // is keyed by the call id too, and siblings' keys must differ.
        <BookingPanel
          key={`booking-${bookingFor}`}
          accessToken={accessToken}
          callId={bookingFor}
          serverNow={serverNow}
        />
      )}

      {live.telephony === 'on' && (
        <Softphone
          accessToken={accessToken}
          expectingCall={
            me.state === 'talking' ||
            (model.acceptedAt !== null && Date.now() - model.acceptedAt < 60_000)
          }
          onRegistered={(registered) => store.reportSoftphone(registered)}
        />
      )}

      <QueueSummary live={live} serverNow={serverNow(now)} />
    </div>
  );
}
