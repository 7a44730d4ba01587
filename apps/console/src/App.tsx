import { useCallback, useEffect, useMemo, useState } from 'react';
import { knownLocale } from '@hotline/i18n';
import { type Session, loadTopics, saveSession, savedSession, topicLabels } from './api';
import { ConsoleScreen } from './components/ConsoleScreen';
import { SignIn } from './components/SignIn';
import { type I18n, I18nContext, LOCALES, type Locale, textsIn } from './i18n';
import { useLoad } from './use-load';

const LOCALE_KEY = 'hotline.console.locale';
/** How long to wait before asking for the taxonomy again after a failure. */
const TOPICS_RETRY_MS = 10_000;

const chosenLocale = (): Locale | null => knownLocale(LOCALES, localStorage.getItem(LOCALE_KEY));

/** Signed out: the sign-in form. Signed in: the console, until sign-out or the token expires. */
export function App() {
  const [session, setSession] = useState<Session | null>(savedSession);
  // A language the person picked wins over the hotline's own (which the snapshot tells us).
  const [picked, setPicked] = useState<Locale | null>(chosenLocale);
  const [hotlineLocale, setHotlineLocale] = useState<Locale | null>(null);
  const locale = picked ?? hotlineLocale ?? 'zh-CN';

  // Keys are shown instead of labels until the taxonomy arrives; the wrap-up form needs it, so
  // a failure is retried rather than left for the rest of the shift.
  const taxonomy = useLoad(() => loadTopics(), []);
  const failed = !taxonomy.loading && !taxonomy.data;
  useEffect(() => {
    if (!failed) return;
    const timer = window.setTimeout(taxonomy.reload, TOPICS_RETRY_MS);
    return () => window.clearTimeout(timer);
  }, [failed, taxonomy.reload]);
  const topics = useMemo(() => taxonomy.data ?? [], [taxonomy.data]);
  const labels = useMemo(() => topicLabels(topics), [topics]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const i18n = useMemo<I18n>(() => {
    const t = textsIn(locale);
    return {
      locale,
      t,
      setLocale: (next) => {
        localStorage.setItem(LOCALE_KEY, next);
        setPicked(next);
      },
      topic: (key) => (key ? (labels.get(key)?.[locale] ?? key) : t('topic.unknown')),
      topics,
    };
  }, [locale, labels, topics]);

  useEffect(() => {
    document.title = i18n.t('app.title');
  }, [i18n]);

  const signedIn = useCallback((next: Session) => {
    saveSession(next);
    setSession(next);
  }, []);

  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);

  // The token stops working at `expiresAt`: sign out then instead of failing command by command.
  useEffect(() => {
    if (!session) return;
    const left = Date.parse(session.expiresAt) - Date.now();
    const timer = window.setTimeout(signOut, Math.min(Math.max(left, 0), 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [session, signOut]);

  return (
    <I18nContext.Provider value={i18n}>
      {session ? (
        <ConsoleScreen
          key={session.accessToken}
          session={session}
          onSignOut={signOut}
          onHotlineLocale={setHotlineLocale}
        />
      ) : (
        <SignIn onSignedIn={signedIn} />
      )}
    </I18nContext.Provider>
  );
}
