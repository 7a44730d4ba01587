import { useMemo, useState } from 'react';
import { loadHotlines } from '../../api';
import { useI18n } from '../../i18n';
import { defaultHotline } from '../../roster';
import { SETUP_SCREENS, type SetupScreen } from '../../setup';
import { useLoad } from '../../use-load';
import { AttendanceSetup } from './AttendanceSetup';
import { BookingSettingsSetup } from './BookingSettingsSetup';
import { HotlineSettings } from './HotlineSettings';
import { PartnersSetup } from './PartnersSetup';
import { RetentionSetup } from './RetentionSetup';
import { RoomsSetup } from './RoomsSetup';
import { ShiftPlanning } from './ShiftPlanning';
import { VolunteersSetup } from './VolunteersSetup';
import '../../setup.css';

/** What every setup screen is given: the person, and the hotline they are setting up. */
export interface SetupContext {
  accessToken: string;
  roles: string[];
  hotlineId: string;
  timeZone: string;
  /** The hotline clock by the console's reckoning, in ms. */
  now: () => number;
}

/**
 * Setup, for coordinators and admins: the hotline's people, its shifts and attendance, its
 * settings, partners, rooms and experts' hours, booking rules and how long notes are kept.
 * One hotline at a time, picked here when the person has several.
 */
export function SetupView({
  accessToken,
  roles,
  preferredHotlineId,
  now,
}: {
  accessToken: string;
  roles: string[];
  preferredHotlineId?: string | null;
  now: () => number;
}) {
  const { t } = useI18n();
  const [screen, setScreen] = useState<SetupScreen>('volunteers');
  const [picked, setPicked] = useState<string | null>(null);
  const hotlinesLoad = useLoad((signal) => loadHotlines(accessToken, signal), [accessToken]);
  const hotlines = hotlinesLoad.data?.ok ? hotlinesLoad.data.value : null;
  const hotline = useMemo(
    () => (hotlines ? defaultHotline(hotlines, picked ?? preferredHotlineId) : null),
    [hotlines, picked, preferredHotlineId],
  );

  const context: SetupContext | null = hotline
    ? { accessToken, roles, hotlineId: hotline.id, timeZone: hotline.timeZone, now }
    : null;

  return (
    <section className="setup" aria-labelledby="setup-heading" data-view="setup">
      <div className="setup__head">
        <h2 id="setup-heading">{t('setup.heading')}</h2>
        {hotlines && hotlines.length > 1 && hotline && (
          <label className="field setup__hotline">
            {t('setup.hotline')}
            <select value={hotline.id} onChange={(event) => setPicked(event.target.value)}>
              {hotlines.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <nav className="setup__nav" aria-label={t('setup.sections')}>
        {SETUP_SCREENS.map((name) => (
          <button
            key={name}
            type="button"
            className="tabs__tab"
            data-setup-screen={name}
            aria-current={screen === name ? 'page' : undefined}
            onClick={() => setScreen(name)}
          >
            {t(`setup.screen.${name}`)}
          </button>
        ))}
      </nav>
      {hotlinesLoad.data && !hotlinesLoad.data.ok && (
        <p role="alert">{t('setup.loadFailed', { reason: hotlinesLoad.data.message ?? '' })}</p>
      )}
      {hotlines && !hotline && <p role="alert">{t('setup.noHotline')}</p>}
      {!hotlinesLoad.data && <p className="loading">{t('setup.loading')}</p>}
      {context && (
        // One screen per hotline: picking another starts its forms afresh.
        <div className="setup__screen" key={`${context.hotlineId}-${screen}`}>
          <SetupScreenView screen={screen} context={context} />
        </div>
      )}
    </section>
  );
}

function SetupScreenView({ screen, context }: { screen: SetupScreen; context: SetupContext }) {
  switch (screen) {
    case 'volunteers':
      return <VolunteersSetup context={context} />;
    case 'shifts':
      return <ShiftPlanning context={context} />;
    case 'attendance':
      return <AttendanceSetup context={context} />;
    case 'hotline':
      return <HotlineSettings context={context} />;
    case 'partners':
      return <PartnersSetup context={context} />;
    case 'rooms':
      return <RoomsSetup context={context} />;
    case 'booking':
      return <BookingSettingsSetup context={context} />;
    case 'retention':
      return <RetentionSetup context={context} />;
  }
}
