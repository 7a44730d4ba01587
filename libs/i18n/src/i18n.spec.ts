import { chooseLocale, interpolate, knownLocale, translator } from '@hotline/i18n';

type Locale = 'zh-CN' | 'en';
const LOCALES: Locale[] = ['zh-CN', 'en'];

const dictionaries = {
  'zh-CN': { greeting: '你好，{name}', queue: '您排在第 {position} 位。', onlyChinese: '中文' },
  en: { greeting: 'Hello, {name}', queue: 'You are number {position}.' },
};

describe('the translator', () => {
  it('gives the text of the locale, placeholders filled in', () => {
    expect(translator(dictionaries, 'en', 'zh-CN')('greeting', { name: 'Mei' })).toBe('Hello, Mei');
    expect(translator(dictionaries, 'zh-CN', 'zh-CN')('queue', { position: 2 })).toBe(
      '您排在第 2 位。',
    );
  });

  it('falls back to the fallback locale, then to the key itself', () => {
    const t = translator<Locale, keyof (typeof dictionaries)['zh-CN'] | 'nowhere'>(
      dictionaries,
      'en',
      'zh-CN',
    );
    expect(t('onlyChinese')).toBe('中文');
    expect(t('nowhere')).toBe('nowhere');
  });

  it('leaves a placeholder without a value visible, and fills the same one twice', () => {
    expect(interpolate('Step {n} of 4')).toBe('Step {n} of 4');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(interpolate('{a}{a}', { a: 'x' })).toBe('xx');
  });
});

describe('the choice of a language', () => {
  it('keeps a choice the page speaks, and nothing else', () => {
    expect(knownLocale(LOCALES, 'en')).toBe('en');
    expect(knownLocale(LOCALES, 'de')).toBeNull();
    expect(knownLocale(LOCALES, null)).toBeNull();
  });

  it('takes the saved choice, else the first browser language the page speaks', () => {
    expect(chooseLocale(LOCALES, 'en', ['zh-CN'], 'zh-CN')).toBe('en');
    expect(chooseLocale(LOCALES, 'de', ['en-US'], 'zh-CN')).toBe('en');
    expect(chooseLocale(LOCALES, null, ['zh-TW', 'en'], 'zh-CN')).toBe('zh-CN');
    expect(chooseLocale(LOCALES, null, ['fr-FR', 'EN-gb', 'zh-CN'], 'zh-CN')).toBe('en');
  });

  it('falls back when the browser speaks none of the languages', () => {
    expect(chooseLocale(LOCALES, null, ['fr-FR'], 'zh-CN')).toBe('zh-CN');
    expect(chooseLocale(LOCALES, null, [], 'en')).toBe('en');
  });
});
