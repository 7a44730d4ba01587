import { Suspense, lazy, useEffect, useState } from 'react';
import type { Session } from '../api';
import type { Locale } from '../i18n';
import { useI18n } from '../i18n';
import { useConsole } from '../use-console';
import { AlertBanner } from './AlertBanner';
import { BookingsDay } from './BookingsDay';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { NoticeBar } from './NoticeBar';
import { RosterView } from './RosterView';
import { SupervisorWall } from './SupervisorWall';
import { VolunteerDesk } from './VolunteerDesk';
import { ImportView } from './ImportView';
import { UnitsView } from './UnitsView';
import { SetupView } from './setup/SetupView';
import { seesSetup } from '../setup';
import { CrisisDesk } from './CrisisDesk';
import { ReviewView } from './ReviewView';
import { CallbackDesk } from './CallbackDesk';
import { CallbackReminder } from './CallbackReminder';
import { HotlineZone } from '../hotline-zone';

const SUPERVISING = ['supervisor', 'coordinator', 'admin'];

// The dashboard brings chart.js: loaded when first opened, so a volunteer's page never carries it.
const StatsView = lazy(() =>
  import('./StatsView').then(({ StatsView }) => ({ default: StatsView })),
);

type Tab =
  | 'desk'
  | 'wall'
  | 'stats'
  | 'roster'
  | 'bookings'
  | 'units'
  | 'imports'
  | 'setup'
  | 'crisis'
  | 'review'
  | 'callbacks';
/** Everyone has a desk and the roster; supervisors, coordinators and admins the wall and statistics. */
const SUPERVISING_TABS: Tab[] = ['desk', 'wall', 'stats', 'roster', 'bookings'];
const VOLUNTEER_TABS: Tab[] = ['desk', 'roster'];
const TAB_NAMES = {
  desk: 'tabs.desk',
  wall: 'tabs.wall',
  stats: 'tabs.stats',
  roster: 'tabs.roster',
  bookings: 'tabs.bookings',
  units: 'tabs.units',
  imports: 'tabs.imports',
  setup: 'tabs.setup',
  crisis: 'tabs.crisis',
  review: 'tabs.review',
  callbacks: 'tabs.callbacks',
} as const;

/** Crisis cases and case review for those who work on them: supervisors and volunteers. */
const caseworkTabs = (roles: string[]): Tab[] =>
  roles.includes('supervisor') || roles.includes('volunteer') ? ['crisis', 'review'] : [];

/** The call-back desk for those who call back or oversee call-backs (not an admin as such). */
const callbackTabs = (roles: string[]): Tab[] =>
  roles.some((role) => ['volunteer', 'supervisor', 'coordinator'].includes(role))
    ? ['callbacks']
    : [];

/** The organisation for admins and people with a role at a unit; imports for coordinators and admins. */
function organisationTabs(roles: string[], unitRoles: number): Tab[] {
  return [
    ...(roles.includes('admin') || unitRoles > 0 ? (['units'] as Tab[]) : []),
    ...(roles.includes('admin') || roles.includes('coordinator') ? (['imports'] as Tab[]) : []),
    ...(seesSetup(roles) ? (['setup'] as Tab[]) : []),
  ];
}

/**
 * Where someone starts: volunteers at their desk; a coordinator who neither takes calls nor
 * supervises at the statistics they keep; other supervisors and admins at the wall.
 */
function firstTab(roles: string[]): Tab {
  if (roles.includes('volunteer') || !roles.some((role) => SUPERVISING.includes(role)))
    return 'desk';
  return roles.includes('coordinator') && !roles.includes('supervisor') ? 'stats' : 'wall';
}

export function ConsoleScreen({
  session,
  onSignOut,
  onHotlineLocale,
}: {
  session: Session;
  onSignOut: () => void;
  onHotlineLocale: (locale: Locale) => void;
}) {
  const { t } = useI18n();
  const { store, model } = useConsole(session.accessToken);
  const live = model.live;
  const roles = live?.me.roles ?? session.volunteer.roles;
  const supervising = roles.some((role) => SUPERVISING.includes(role));
  const [tab, setTab] = useState<Tab>(() => firstTab(roles));

  useEffect(() => {
    if (live?.locale) onHotlineLocale(live.locale);
  }, [live?.locale, onHotlineLocale]);

  const serverNow = (now: number) => now + model.offset;

  return (
    <div className="console">
      <header className="topbar">
        <div className="topbar__title">
          <h1>{t('app.title')}</h1>
          {live && <span className="topbar__hotline">{live.hotlineName}</span>}
        </div>
        <ConnectionIndicator
          connection={model.connection}
          refused={model.refused}
          onRetry={() => store.retry()}
        />
        <div className="topbar__person">
          <span>{live?.me.name ?? session.volunteer.name}</span>
          <LanguageSwitch />
          <button type="button" className="button button--small" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </div>
      </header>

      {supervising && live && live.alerts && live.alerts.length > 0 && (
        <AlertBanner
          alerts={live.alerts}
          calls={live.calls}
          serverNow={serverNow}
          onAcknowledge={(alertId) => void store.acknowledgeAlert(alertId)}
          onJoin={(callId, mode) => void store.monitor(callId, mode)}
          onJoinChat={(chatId) => void store.joinChat(chatId)}
          heldChatIds={(live.chats ?? []).map((chat) => chat.chatId)}
        />
      )}

      <NoticeBar notice={model.notice} onDismiss={() => store.dismissNotice()} />

      {supervising && tab !== 'callbacks' && (
        <CallbackReminder reminder={live?.callbacks} onOpen={() => setTab('callbacks')} />
      )}

      <nav className="tabs" aria-label={t('tabs.label')}>
        {[
          ...(supervising ? SUPERVISING_TABS : VOLUNTEER_TABS),
          ...organisationTabs(roles, session.volunteer.unitGrants?.length ?? 0),
          ...caseworkTabs(roles),
          ...callbackTabs(roles),
        ].map((name) => (
          <button
            key={name}
            type="button"
            className="tabs__tab"
            data-tab={name}
            aria-current={tab === name ? 'page' : undefined}
            onClick={() => setTab(name)}
          >
            {t(TAB_NAMES[name])}
          </button>
        ))}
      </nav>

      <HotlineZone.Provider value={live?.timeZone}>
        <main className="console__main">
          {tab === 'roster' ? (
            // The roster needs no socket: it asks the API, the hotline clock included.
            <RosterView
              accessToken={session.accessToken}
              roles={roles}
              volunteerId={live?.me.id ?? session.volunteer.id}
              preferredHotlineId={live?.hotlineId}
              now={() => serverNow(Date.now())}
            />
          ) : tab === 'units' ? (
            <UnitsView
              accessToken={session.accessToken}
              admin={roles.includes('admin')}
              month={new Date(serverNow(Date.now())).toISOString().slice(0, 7)}
            />
          ) : tab === 'imports' ? (
            <ImportView accessToken={session.accessToken} />
          ) : tab === 'setup' ? (
            <SetupView
              accessToken={session.accessToken}
              roles={roles}
              preferredHotlineId={live?.hotlineId}
              now={() => serverNow(Date.now())}
            />
          ) : tab === 'crisis' ? (
            <CrisisDesk
              accessToken={session.accessToken}
              meId={live?.me.id ?? session.volunteer.id}
              roles={roles}
              serverNow={serverNow}
              alertsKey={(live?.alerts ?? []).map((a) => `${a.alertId}@${a.lastRaisedAt}`).join()}
            />
          ) : tab === 'review' ? (
            <ReviewView
              accessToken={session.accessToken}
              roles={roles}
              hotlineId={live?.hotlineId}
            />
          ) : supervising && tab === 'bookings' ? (
            // The day's face-to-face bookings need no socket either.
            <BookingsDay accessToken={session.accessToken} now={() => serverNow(Date.now())} />
          ) : supervising && tab === 'stats' && (live || model.refused) ? (
            // Statistics need no socket; its snapshot only tells the hotline's clock (for "this month").
            <Suspense fallback={<p className="loading">{t('stats.loading')}</p>}>
              <StatsView accessToken={session.accessToken} now={() => serverNow(Date.now())} />
            </Suspense>
          ) : !live ? (
            <p className="loading">{t('connection.connecting')}</p>
          ) : tab === 'callbacks' ? (
            <CallbackDesk
              live={live}
              store={store}
              model={model}
              accessToken={session.accessToken}
              serverNow={serverNow}
            />
          ) : supervising && tab === 'wall' ? (
            <SupervisorWall
              live={live}
              store={store}
              busy={model.busy}
              serverNow={serverNow}
              accessToken={session.accessToken}
              inCall={model.live?.liveCall ?? null}
            />
          ) : (
            <VolunteerDesk
              live={live}
              store={store}
              model={model}
              accessToken={session.accessToken}
              serverNow={serverNow}
              onOpenCallbacks={() => setTab('callbacks')}
            />
          )}
        </main>
      </HotlineZone.Provider>
    </div>
  );
}
