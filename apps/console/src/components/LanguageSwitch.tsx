import { type Locale, LOCALES, useI18n } from '../i18n';

const NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/** Each language named in itself, so anyone can find their own. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language" role="group" aria-label={t('language.label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="button button--small"
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
