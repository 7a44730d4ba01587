import { type FormEvent, useState } from 'react';
import { type Session, signIn } from '../api';
import { useI18n } from '../i18n';
import { unlockAudio } from '../sounds';
import { LanguageSwitch } from './LanguageSwitch';

export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Asked for once the server says this person signs in with an authenticator's code.
  const [code, setCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    unlockAudio(); // this click lets the console ring later
    setBusy(true);
    setProblem(null);
    const result = await signIn(email.trim(), password, code?.trim() || undefined);
    setBusy(false);
    if (result.ok) return onSignedIn(result.session);
    if (result.reason === 'code_needed') {
      setCode('');
      return setProblem(code === null ? null : t('signIn.codeNeeded'));
    }
    setProblem(
      result.reason === 'throttled'
        ? t('signIn.throttled')
        : result.reason === 'wrong'
          ? code === null
            ? t('signIn.failed')
            : t('signIn.codeWrong')
          : t('signIn.unreachable'),
    );
  }

  return (
    <main className="sign-in">
      <header className="sign-in__header">
        <h1>{t('app.title')}</h1>
        <LanguageSwitch />
      </header>
      <form className="card sign-in__form" onSubmit={(event) => void submit(event)}>
        <h2>{t('signIn.title')}</h2>
        <label>
          {t('signIn.email')}
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {code !== null && (
          <label>
            {t('signIn.code')}
            <input
              type="text"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              required
              autoFocus
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          </label>
        )}
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
