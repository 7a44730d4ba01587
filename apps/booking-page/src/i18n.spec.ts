import { GRADE_LABELS, chooseLocale, translator } from './i18n';

describe('the booking page languages', () => {
  it('speaks Chinese to a browser that prefers it, or prefers neither language', () => {
    expect(chooseLocale(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(chooseLocale(null, ['en-GB', 'zh-CN'])).toBe('en');
    expect(chooseLocale(null, ['fr-FR'])).toBe('zh-CN');
    expect(chooseLocale(null, [])).toBe('zh-CN');
  });

  it('keeps the language the parent picked', () => {
    expect(chooseLocale('en', ['zh-CN'])).toBe('en');
    expect(chooseLocale('de', ['en-US'])).toBe('en');
  });

  it('fills in values, and leaves unknown placeholders visible', () => {
    expect(translator('zh-CN')('waitlist.done', { position: 2 })).toBe(
      '已登记候补。您目前排在第 2 位。',
    );
    expect(translator('en')('manage.callUs', { hours: 24, phone: '+86 571 1235 5' })).toContain(
      'call the hotline at +86 571 1235 5',
    );
    expect(translator('en')('step')).toBe('Step {n} of 4');
  });

  it('labels every school year in both languages', () => {
    for (const labels of Object.values(GRADE_LABELS)) {
      expect(labels['zh-CN']).toBeTruthy();
      expect(labels.en).toBeTruthy();
    }
  });
});
