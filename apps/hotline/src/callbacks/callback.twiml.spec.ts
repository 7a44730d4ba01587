import { everyDay } from '@hotline/calendar';
import { CALLBACK_OUTCOMES } from '@hotline/console-protocol';
import { twimlProblem } from '@hotline/telephony/testing/twiml-check';
import {
  DEFAULT_ROUTING,
  DEFAULT_SAY_VOICE,
  Hotline,
  HotlineLocale,
} from '../hotlines/hotline.entity';
import { CallbackTwiml, callbackConference } from './callback.twiml';

const hotlineIn = (locale: HotlineLocale): Hotline =>
  Object.assign(new Hotline(), {
    id: 'h1',
    name: locale === 'en' ? 'Youth line' : '青少年热线',
    timeZone: 'Asia/Shanghai',
    locale,
    openingHours: everyDay({ start: '18:00', end: '22:00' }),
    closures: [],
    closedMessage: '',
    sayVoice: DEFAULT_SAY_VOICE[locale].voice,
    sayLanguage: DEFAULT_SAY_VOICE[locale].language,
    routing: DEFAULT_ROUTING,
    greetings: {},
  });

describe.each(['zh-CN', 'en'] as HotlineLocale[])('the TwiML of a call-back (%s)', (locale) => {
  const twiml = new CallbackTwiml(hotlineIn(locale), (path) => `https://h.test${path}`);

  it('answers every leg with TwiML Twilio plays as meant, in the hotline’s voice', () => {
    const answers = {
      screen: twiml.screen('a1'),
      volunteerJoins: twiml.volunteer('a1', 'join', null),
      volunteerTooLate: twiml.volunteer('a1', 'over', 'no_answer'),
      callerJoins: twiml.caller('a1', 'join'),
      voicemail: twiml.caller('a1', 'hang_up'),
      pickedUpTooLate: twiml.caller('a1', 'sorry'),
      ...Object.fromEntries(CALLBACK_OUTCOMES.map((outcome) => [outcome, twiml.over(outcome)])),
    };
    for (const [name, answer] of Object.entries(answers))
      expect({ name, problem: twimlProblem(answer) }).toEqual({ name, problem: null });
  });

  it('puts both legs in the attempt’s conference, which ends when either leaves', () => {
    for (const answer of [twiml.volunteer('a1', 'join', null), twiml.caller('a1', 'join')]) {
      expect(answer).toContain(`>${callbackConference('a1')}</Conference>`);
      expect(answer).toContain('endConferenceOnExit="true"');
      expect(answer).toContain('beep="false"');
    }
    // The volunteer hears hold music until the caller enters and starts it.
    expect(twiml.volunteer('a1', 'join', null)).toContain('startConferenceOnEnter="false"');
    expect(twiml.caller('a1', 'join')).toContain('startConferenceOnEnter="true"');
  });

  it('never speaks to a voicemail on the caller’s phone', () => {
    expect(twiml.caller('a1', 'hang_up')).not.toContain('<Say');
    expect(twiml.caller('a1', 'join')).not.toContain('<Say');
  });
});
