import { chooseLocale, translator } from '@hotline/i18n';
import { GRADE_LABELS, LOCALES, TEXTS } from './i18n';

describe('the booking page languages', () => {
  it('speaks Chinese to a browser that prefers it, or prefers neither language', () => {
    const choose = (preferred: string[]) => chooseLocale(LOCALES, null, preferred, 'zh-CN');
    expect(choose(['zh-TW', 'en'])).toBe('zh-CN');
    expect(choose(['en-GB', 'zh-CN'])).toBe('en');
    expect(choose(['fr-FR'])).toBe('zh-CN');
    expect(choose([])).toBe('zh-CN');
  });

  it('fills in values, and leaves unknown placeholders visible', () => {
    expect(translator(TEXTS, 'zh-CN', 'zh-CN')('waitlist.done', { position: 2 })).toBe(
      '已登记候补。您目前排在第 2 位。',
    );
    const english = translator(TEXTS, 'en', 'zh-CN');
    expect(english('manage.callUs', { hours: 24, phone: '+86 571 1235 5' })).toContain(
      'call the hotline at +86 571 1235 5',
    );
    expect(english('step')).toBe('Step {n} of 4');
  });

  it('labels every school year in both languages', () => {
    for (const labels of Object.values(GRADE_LABELS)) {
      expect(labels['zh-CN']).toBeTruthy();
      expect(labels.en).toBeTruthy();
    }
  });
});
