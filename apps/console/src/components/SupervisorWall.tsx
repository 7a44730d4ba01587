import { useState } from 'react';
import type { DutyVolunteer, LiveCall, QueuedCall, TodayFigures } from '@hotline/console-protocol';
import type { ConsoleStore, MonitorMode } from '../console-store';
import { callerTypeKey, useI18n } from '../i18n';
import { CallerFlags } from './CallerFlags';
import type { LiveState } from '../live-state';
import { formatDuration, secondsSince, useNow } from '../time';
import { BlockCaller } from './BlockCaller';
import { BlockList } from './BlockList';
import { CallerProfilePanel } from './CallerProfilePanel';
import { ChatPanel } from './ChatPanel';
import { chatActions } from './HeldChats';
import { isVolunteerOf } from '../live-chats';

/** Crisis first, then by how long they have waited: the order a supervisor scans in. */
function byUrgency(a: QueuedCall, b: QueuedCall): number {
  return (
    Number(b.priority === 'crisis') - Number(a.priority === 'crisis') ||
    Date.parse(a.queuedAt) - Date.parse(b.queuedAt)
  );
}

const STATE_ORDER = ['offered', 'talking', 'wrap_up', 'available', 'missed', 'break', 'offline'];

/** The evening at a glance: every call, every volunteer, today's figures, and the levers. */
export function SupervisorWall({
  live,
  store,
  busy,
  serverNow,
  accessToken,
  inCall,
}: {
  live: LiveState;
  store: ConsoleStore;
  busy: boolean;
  serverNow: (now: number) => number;
  /** For the REST levers ("block and hang up"). */
  accessToken: string;
  /** The call this supervisor joined, if any. */
  inCall: LiveCall | null;
}) {
  const { t } = useI18n();
  const now = serverNow(useNow());
  const volunteers = [...(live.volunteers ?? [])].sort(
    (a, b) =>
      STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || a.name.localeCompare(b.name),
  );
  const available = volunteers.filter((v) => v.state === 'available');
  const move = (volunteer: DutyVolunteer) => ({ volunteerId: volunteer.id, store, busy });
  // As the server allows: supervisors and admins block, supervisors read profiles.
  const levers = {
    accessToken,
    block: live.me.roles.some((role) => role === 'supervisor' || role === 'admin'),
    profile: live.me.roles.includes('supervisor'),
  };

  return (
    <div className="wall">
      <h2 className="visually-hidden">{t('wall.heading')}</h2>
      {/* Always there, so that a screen reader announces a notice as it appears. */}
      <div className="wall__missed" aria-live="polite">
        {(live.missedTwice ?? []).map((notice) => (
          <p
            key={notice.volunteerId}
            className="notice notice--info"
            data-missed-twice={notice.volunteerId}
          >
            <span>{t('wall.missedTwice', { name: notice.name })}</span>
            <MoveButton volunteerId={notice.volunteerId} to="available" store={store} busy={busy} />
          </p>
        ))}
      </div>
      {live.today && <Today today={live.today} />}
      <JoinedChats live={live} store={store} busy={busy} serverNow={serverNow} />
      <section className="card" aria-labelledby="wall-calls">
        <h3 id="wall-calls">
          {t('wall.calls')} <span className="count">{live.calls.length}</span>
        </h3>
        {live.calls.length === 0 ? (
          <p className="hint">{t('wall.noCalls')}</p>
        ) : (
          <table className="table wall__calls">
            <thead>
              <tr>
                <th scope="col">{t('queue.topic')}</th>
                <th scope="col">{t('queue.callerType')}</th>
                <th scope="col">{t('wall.priority')}</th>
                <th scope="col">{t('wall.phase')}</th>
                <th scope="col">{t('queue.wait')}</th>
                <th scope="col">{t('wall.volunteer')}</th>
                <th scope="col">{t('wall.reoffer')}</th>
              </tr>
            </thead>
            <tbody>
              {[...live.calls].sort(byUrgency).map((call) => (
                <CallRow
                  key={call.callId}
                  call={call}
                  now={now}
                  volunteers={volunteers}
                  available={available}
                  busy={busy}
                  onReoffer={(volunteerId) => void store.reoffer(call.callId, volunteerId)}
                  onReadChat={() => void store.joinChat(call.callId)}
                  joined={(live.chats ?? []).some((chat) => chat.chatId === call.callId)}
                  levers={levers}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {levers.block && (
        <BlockList
          accessToken={accessToken}
          hotlineId={live.hotlineId}
          calls={live.calls.map((call) => call.callId).join()}
        />
      )}

      <section className="card" aria-labelledby="wall-volunteers">
        <h3 id="wall-volunteers">
          {t('wall.volunteers')} <span className="count">{volunteers.length}</span>
        </h3>
        {volunteers.length === 0 ? (
          <p className="hint">{t('wall.noVolunteers')}</p>
        ) : (
          <table className="table wall__volunteers">
            <thead>
              <tr>
                <th scope="col">{t('wall.name')}</th>
                <th scope="col">{t('wall.state')}</th>
                <th scope="col">{t('wall.inState')}</th>
                <th scope="col">{t('wall.handled')}</th>
                <th scope="col">{t('wall.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {volunteers.map((volunteer) => (
                <tr key={volunteer.id} data-volunteer={volunteer.id}>
                  <th scope="row">{volunteer.name}</th>
                  <td>
                    <span className={`state state--${volunteer.state}`}>
                      {volunteer.chats
                        ? t('wall.inChats', { count: volunteer.chats })
                        : t(`state.${volunteer.state}`)}
                    </span>
                  </td>
                  <td className="numeric">{formatDuration(secondsSince(volunteer.since, now))}</td>
                  <td className="numeric">{volunteer.callsHandled}</td>
                  <td className="actions">
                    {['missed', 'break', 'offline', 'wrap_up'].includes(volunteer.state) && (
                      <MoveButton {...move(volunteer)} to="available" />
                    )}
                    {['available', 'missed', 'offered'].includes(volunteer.state) && (
                      <MoveButton {...move(volunteer)} to="break" />
                    )}
                    {['available', 'missed', 'offered', 'break'].includes(volunteer.state) && (
                      <MoveButton {...move(volunteer)} to="offline" />
                    )}
                    {volunteer.state === 'talking' &&
                      volunteer.callId &&
                      volunteer.id !== live.me.id && (
                        <MonitorControls
                          callId={volunteer.callId}
                          mine={
                            inCall?.callId === volunteer.callId
                              ? inCall.participants.find((one) => one.volunteerId === live.me.id)
                                  ?.mode
                              : undefined
                          }
                          store={store}
                          busy={busy}
                        />
                      )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

const MONITOR_MODES: MonitorMode[] = ['listen', 'whisper', 'barge'];

/**
 * A supervisor joins a volunteer's call to listen, whisper to the volunteer or barge in, and
 * switches or leaves; the pressed button is how they are in it now.
 */
function MonitorControls({
  callId,
  mine,
  store,
  busy,
}: {
  callId: string;
  mine: string | undefined;
  store: ConsoleStore;
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <span className="monitor" role="group" aria-label={t('wall.monitor')} data-monitor={callId}>
      {MONITOR_MODES.map((mode) => (
        <button
          key={mode}
          type="button"
          className="button button--small"
          aria-pressed={mine === mode}
          disabled={busy || mine === mode}
          onClick={() => void store.monitor(callId, mode)}
        >
          {t(`wall.monitor.${mode}`)}
        </button>
      ))}
      {mine && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => void store.leaveCall(callId)}
        >
          {t('wall.monitor.leave')}
        </button>
      )}
    </span>
  );
}

const MOVE_LABELS = {
  available: 'wall.toAvailable',
  break: 'wall.toBreak',
  offline: 'wall.toOffline',
} as const;

/** A supervisor's control to set a volunteer available, on break or offline. */
function MoveButton({
  volunteerId,
  to,
  store,
  busy,
}: {
  volunteerId: string;
  to: keyof typeof MOVE_LABELS;
  store: ConsoleStore;
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button button--small"
      disabled={busy}
      onClick={() => void store.moveVolunteer(volunteerId, to)}
    >
      {t(MOVE_LABELS[to])}
    </button>
  );
}

function CallRow({
  call,
  now,
  volunteers,
  available,
  busy,
  onReoffer,
  onReadChat,
  joined,
  levers,
}: {
  call: QueuedCall;
  now: number;
  volunteers: DutyVolunteer[];
  available: DutyVolunteer[];
  busy: boolean;
  onReoffer: (volunteerId: string) => void;
  /** A live chat: read it and join it (the read is audited). */
  onReadChat: () => void;
  /** This supervisor already holds the chat. */
  joined: boolean;
  /** The REST levers against abusive callers this person may pull. */
  levers: { accessToken: string; block: boolean; profile: boolean };
}) {
  const { t, topic } = useI18n();
  const [chosen, setChosen] = useState('');
  const crisis = call.priority === 'crisis';
  const assigned = volunteers.find((v) => v.id === call.volunteerId);
  // A call can be moved while it waits or rings; once connecting it is someone's.
  const movable = call.phase === 'waiting' || call.phase === 'offered';
  const choice = available.some((v) => v.id === chosen) ? chosen : '';
  const selectId = `reoffer-${call.callId}`;
  const chat = call.channel === 'chat';

  return (
    <tr
      className={crisis ? 'row--crisis' : ''}
      data-call={call.callId}
      data-channel={chat ? 'chat' : 'phone'}
    >
      <td>{topic(call.topic)}</td>
      <td>{t(callerTypeKey(call.callerType))}</td>
      <td>
        <span className={`badge badge--${call.priority}`}>{t(`priority.${call.priority}`)}</span>
        {call.training && <span className="badge badge--training">{t('call.training')}</span>}
        {chat && <span className="badge badge--chat">{t('wall.chatBadge')}</span>}
        <CallerFlags flags={call.callerFlags} />
      </td>
      <td>{t(`phase.${call.phase}`)}</td>
      <td className="numeric">{formatDuration(secondsSince(call.queuedAt, now))}</td>
      <td>{assigned?.name ?? ''}</td>
      <td>
        {movable && (
          <div className="reoffer">
            <label htmlFor={selectId} className="visually-hidden">
              {t('wall.chooseVolunteer')}
            </label>
            <select
              id={selectId}
              value={choice}
              disabled={available.length === 0}
              onChange={(event) => setChosen(event.target.value)}
            >
              <option value="">
                {available.length === 0 ? t('wall.noneAvailable') : t('wall.chooseVolunteer')}
              </option>
              {available.map((volunteer) => (
                <option key={volunteer.id} value={volunteer.id}>
                  {volunteer.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--small"
              disabled={!choice || busy}
              onClick={() => onReoffer(choice)}
            >
              {t('wall.reofferButton')}
            </button>
          </div>
        )}
        {chat && call.phase === 'talking' && !joined && (
          <button
            type="button"
            className="button button--small"
            data-control="read-chat"
            disabled={busy}
            onClick={onReadChat}
          >
            {t('wall.readJoin')}
          </button>
        )}
        {/* A caller's profile and block are a phone number's; a chat has none. */}
        {!call.training && !chat && levers.profile && (
          <CallerProfilePanel callId={call.callId} accessToken={levers.accessToken} />
        )}
        {!call.training && !chat && levers.block && (
          <BlockCaller callId={call.callId} accessToken={levers.accessToken} />
        )}
      </td>
    </tr>
  );
}

/** The chats this supervisor joined from the wall: read, and written in, here. */
function JoinedChats({
  live,
  store,
  busy,
  serverNow,
}: {
  live: LiveState;
  store: ConsoleStore;
  busy: boolean;
  serverNow: (now: number) => number;
}) {
  const { t } = useI18n();
  const joined = (live.chats ?? []).filter((chat) => !isVolunteerOf(chat, live.me.id));
  if (joined.length === 0) return null;
  return (
    <section className="wall__chats" aria-label={t('wall.joinedChats')}>
      {joined.map((chat) => (
        <ChatPanel
          key={chat.chatId}
          chat={chat}
          meId={live.me.id}
          busy={busy}
          serverNow={serverNow}
          actions={chatActions(store, chat.chatId)}
        />
      ))}
    </section>
  );
}

function Today({ today }: { today: TodayFigures }) {
  const { t } = useI18n();
  return (
    <section className="card today" aria-labelledby="today-heading">
      <h3 id="today-heading">{t('today.heading')}</h3>
      <dl className="figures">
        <div>
          <dt>{t('today.offered')}</dt>
          <dd data-figure="offered">{today.offered}</dd>
        </div>
        <div>
          <dt>{t('today.answered')}</dt>
          <dd data-figure="answered">{today.answered}</dd>
        </div>
        <div>
          <dt>{t('today.abandoned')}</dt>
          <dd data-figure="abandoned">{today.abandoned}</dd>
        </div>
        <div>
          <dt>{t('today.serviceLevel', { seconds: today.serviceLevelSeconds })}</dt>
          <dd>
            {today.serviceLevel === null ? t('today.none') : `${today.serviceLevel.toFixed(1)}%`}
          </dd>
        </div>
        <div>
          <dt>{t('today.longestWait')}</dt>
          <dd>{formatDuration(today.longestWaitSeconds)}</dd>
        </div>
      </dl>
      {today.chats && (
        // The same for live chats, beside the calls'.
        <h4 id="today-chats">{t('today.chats')}</h4>
      )}
      {today.chats && (
        <dl className="figures" aria-labelledby="today-chats">
          <div>
            <dt>{t('today.chatsOffered')}</dt>
            <dd data-figure="chats-offered">{today.chats.offered}</dd>
          </div>
          <div>
            <dt>{t('today.answered')}</dt>
            <dd data-figure="chats-answered">{today.chats.answered}</dd>
          </div>
          <div>
            <dt>{t('today.abandoned')}</dt>
            <dd data-figure="chats-abandoned">{today.chats.abandoned}</dd>
          </div>
          <div>
            <dt>{t('today.serviceLevel', { seconds: today.serviceLevelSeconds })}</dt>
            <dd>
              {today.chats.serviceLevel === null
                ? t('today.none')
                : `${today.chats.serviceLevel.toFixed(1)}%`}
            </dd>
          </div>
          <div>
            <dt>{t('today.longestWait')}</dt>
            <dd>{formatDuration(today.chats.longestWaitSeconds)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
