import taxonomy from '../../../config/taxonomy/topics.json';
import { CRISIS_TOPICS, EMERGENCY_NUMBERS, isCrisisTopic, telOf } from './emergency';
import { TEXTS } from './i18n';

describe('the emergency numbers of the booking page', () => {
  it('names crisis topics the taxonomy has, so a renamed key cannot hide the numbers', () => {
    const keys = taxonomy.topics.map((topic) => topic.key);
    for (const topic of CRISIS_TOPICS) expect(keys).toContain(topic);
    expect(isCrisisTopic('self_harm_suicide')).toBe(true);
    expect(isCrisisTopic('violence_bullying')).toBe(true);
    expect(isCrisisTopic('learning')).toBe(false);
    expect(isCrisisTopic(null)).toBe(false);
  });

  it('lists police, ambulance and the psychological-assistance hotline, in both languages', () => {
    expect(EMERGENCY_NUMBERS.map((one) => one.number)).toEqual(['110', '120', '12356']);
    for (const { what } of EMERGENCY_NUMBERS) {
      expect(TEXTS['zh-CN'][what]).toBeTruthy();
      expect(TEXTS.en[what]).toBeTruthy();
    }
  });

  it('dials a number however it is written', () => {
    expect(telOf('110')).toBe('tel:110');
    expect(telOf('+86 571 1235 5')).toBe('tel:+8657112355');
    expect(telOf('0571-8888 1234')).toBe('tel:057188881234');
    expect(telOf(' ')).toBeNull();
  });
});
