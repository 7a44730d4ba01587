import { useEffect, useState } from 'react';
import type { Session } from '../api';
import type { Locale } from '../i18n';
import { useI18n } from '../i18n';
import { useConsole } from '../use-console';
import { AlertBanner } from './AlertBanner';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { NoticeBar } from './NoticeBar';
import { SupervisorWall } from './SupervisorWall';
import { VolunteerDesk } from './VolunteerDesk';

const SUPERVISING = ['supervisor', 'coordinator', 'admin'];

type Tab = 'desk' | 'wall';

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
  // Someone who only supervises starts on the wall; everyone else on their own desk.
  const [tab, setTab] = useState<Tab>(() =>
    supervising && !roles.includes('volunteer') ? 'wall' : 'desk',
  );

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
        />
      )}

      <NoticeBar notice={model.notice} onDismiss={() => store.dismissNotice()} />

      {supervising && (
        <nav className="tabs" aria-label={t('tabs.label')}>
          {(['desk', 'wall'] as const).map((name) => (
            <button
              key={name}
              type="button"
              className="tabs__tab"
              aria-current={tab === name ? 'page' : undefined}
              onClick={() => setTab(name)}
            >
              {t(name === 'desk' ? 'tabs.desk' : 'tabs.wall')}
            </button>
          ))}
        </nav>
      )}

      <main className="console__main">
        {!live ? (
          <p className="loading">{t('connection.connecting')}</p>
        ) : supervising && tab === 'wall' ? (
          <SupervisorWall live={live} store={store} busy={model.busy} serverNow={serverNow} />
        ) : (
          <VolunteerDesk
            live={live}
            store={store}
            model={model}
            accessToken={session.accessToken}
            serverNow={serverNow}
          />
        )}
      </main>
    </div>
  );
}
