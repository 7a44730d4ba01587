import { ArgumentsHost, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { everyDay } from '@hotline/calendar';
import { TwimlContext, twimlProblem } from '@hotline/telephony/testing/twiml-check';
import {
  DEFAULT_ROUTING,
  DEFAULT_SAY_VOICE,
  GREETING_KEYS,
  Hotline,
  HotlineGreetings,
  HotlineLocale,
} from '../hotlines/hotline.entity';
import { HoldTwiml } from '../telephony/hold-twiml';
import { TwimlErrorFilter } from '../telephony/twiml-error.filter';
import { CallFlowTwiml } from './call-flow.twiml';
import { CALLBACK_REASONS } from './callback-request.entity';
import { LadderTwiml } from './ladder.twiml';
import { ScreeningTwiml } from './screening.twiml';
import { VOICE_PROMPTS } from './voice-prompts';

const hotlineIn = (
  locale: HotlineLocale,
  voice = DEFAULT_SAY_VOICE[locale],
  greetings: HotlineGreetings = {},
): Hotline =>
  Object.assign(new Hotline(), {
    id: 'h1',
    name: locale === 'en' ? 'Youth line' : '青少年热线',
    timeZone: 'Asia/Shanghai',
    locale,
    openingHours: everyDay({ start: '18:00', end: '22:00' }),
    closures: [{ date: '2026-03-02', reason: 'holiday' }],
    closedMessage: locale === 'en' ? 'Call 110 if you are in danger.' : '如有危险请拨打110。',
    sayVoice: voice.voice,
    sayLanguage: voice.language,
    routing: { ...DEFAULT_ROUTING, voicemailMaxSeconds: 90 },
    greetings,
  });

/** A recording of every prompt a hotline may record (with a query, to be escaped in the XML). */
const everyGreeting = (locale: HotlineLocale): HotlineGreetings =>
  Object.fromEntries(
    GREETING_KEYS.map((key) => [
      key,
      `https://media.example.org/${locale}/${key}.mp3?v=1&k=${key}`,
    ]),
  );

const url = (path: string) => `https://h.test${path}`;

/** The answers Twilio plays while the caller is in the queue (the waitUrl's verbs only). */
const holdAnswers = (flow: CallFlowTwiml): Record<string, string> => ({
  hold: flow.hold({ position: 2, expectedWaitSeconds: 180 }, false),
  holdUnknownPlace: flow.hold(null, false),
  holdWithChoice: flow.hold({ position: 1, expectedWaitSeconds: 60 }, true),
  holdNobodyOnDuty: flow.hold('nobody_on_duty', true),
  crisisHold: flow.hold(null, false, true),
  crisisHoldWithChoice: flow.hold(null, true, true),
  backToHold: flow.backToHold(),
  leaveQueue: flow.leaveQueue(),
});

/** Every answer the call flow can give, for one hotline. */
const everyAnswer = (flow: CallFlowTwiml, hotline: Hotline): Record<string, string> => ({
  closed: flow.closed(DateTime.fromISO('2026-03-02T10:00:00Z')),
  closedNotToday: flow.closed(DateTime.fromISO('2026-03-03T10:00:00Z')),
  callerMenu: flow.callerMenu(),
  topicMenu: flow.topicMenu(),
  refusedBlocked: flow.refused('blocked'),
  refusedOverLimit: flow.refused('over_limit'),
  enqueue: flow.enqueue(false),
  crisisEnqueue: flow.enqueue(true),
  overflow: flow.overflow(true),
  overflowWithoutNumber: flow.overflow(false),
  nobodyOnDuty: flow.messageOrCallback('nobody_on_duty', ['nobody'], true),
  noCallbackWithoutNumber: flow.noCallbackWithoutNumber('closed_hours'),
  // The messages and call-backs: each reason's choice and recording, and what follows them.
  ...Object.fromEntries(
    CALLBACK_REASONS.flatMap((reason) => [
      [`choice:${reason}`, flow.messageOrCallback(reason, [], true)],
      [`record:${reason}`, flow.recordMessage(reason)],
    ]),
  ),
  noCallbackWanted: flow.goodbye(hotline.closedMessage),
  noMessageHeard: flow.goodbye(VOICE_PROMPTS[hotline.locale].noMessageHeard, hotline.closedMessage),
  messageKept: flow.messageKept(),
  queueFull: flow.queueFull(),
  callbackRecorded: flow.callbackRecorded('2026-03-03'),
  conference: flow.conference('c1'),
  goodbye: flow.goodbye('bye'),
  empty: CallFlowTwiml.empty(),
});

/** What the escalation ladder says to supervisors and to the crisis caller. */
const ladderAnswers = (ladder: LadderTwiml): Record<string, string> => ({
  supervisorAsked: ladder.supervisorAsked('c1', 's1', 75),
  supervisorJoins: ladder.supervisorJoins('c1'),
  alreadyTaken: ladder.alreadyTaken(),
  ladderNoKey: ladder.noKey(),
  callerJoins: ladder.callerJoins('c1'),
  forward: ladder.forward('12356'),
});

/** The screen on a volunteer's own phone: their leg's TwiML before it joins the conference. */
const screeningAnswers = (screening: ScreeningTwiml): Record<string, string> => ({
  screenAsk: screening.ask('c1'),
  screenTake: screening.take('c1'),
  screenDeclined: screening.decline(false),
  screenCallerGone: screening.decline(true),
  screenBudgetHangUp: HoldTwiml.hangUp(),
});

/** The webhook budget's answers when a step is not done in time, with or without the hotline. */
const budgetAnswers = (hold: HoldTwiml): Record<string, string> => ({
  budgetFirstHold: hold.hold(url('/twilio/voice/menu?step=caller&hold=1'), 2, true),
  budgetHoldAgain: hold.hold(url('/twilio/voice/menu?step=caller&hold=2'), 2, false),
  budgetForward: hold.forwardToCrisisLine(),
  budgetGiveUp: hold.giveUp(),
  budgetStatus: HoldTwiml.empty(),
});

/** The error filter's answer to a voice webhook that failed. */
function errorAnswer(
  path: string,
  query: Record<string, string> = {},
  body: Record<string, string> = {},
): string {
  let sent = '';
  const response = {
    status: () => response,
    type: () => response,
    json: () => response,
    send: (text: string) => ((sent = text), response),
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ path, query, body }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new TwimlErrorFilter().catch(new Error('the database went away'), host);
  return sent;
}

const errorAnswers = (): Record<string, string> => ({
  errorOnHoldMusic: errorAnswer('/twilio/voice/wait'),
  errorOnWaitChoice: errorAnswer('/twilio/voice/wait-choice'),
  errorInDanger: errorAnswer('/twilio/voice/menu', { step: 'caller' }, { Digits: '9' }),
  errorOnCrisisHold: errorAnswer('/twilio/voice/queue-result', { crisis: '1' }),
  errorFirstTime: errorAnswer('/twilio/voice/incoming'),
  errorAgain: errorAnswer('/twilio/voice/incoming', { retry: '1' }),
});

interface Answer {
  twiml: string;
  context?: TwimlContext;
}

/** Every TwiML the server answers for one hotline, with where Twilio runs each. */
function everyTwimlOf(hotline: Hotline): Record<string, Answer> {
  const flow = new CallFlowTwiml(hotline, url);
  const answers: Record<string, Answer> = {};
  const add = (twimls: Record<string, string>, context?: TwimlContext) => {
    for (const [step, twiml] of Object.entries(twimls)) answers[step] = { twiml, context };
  };
  add(everyAnswer(flow, hotline));
  add(holdAnswers(flow), { waitUrl: true });
  add(ladderAnswers(new LadderTwiml(hotline, url)));
  add(screeningAnswers(new ScreeningTwiml(hotline, url)));
  const budget = new HoldTwiml(hotline);
  add(budgetAnswers(budget));
  add({ budgetOnHoldMusic: budget.pause(5) }, { waitUrl: true });
  return answers;
}

const sayAttributes = (twiml: string): string[] =>
  [...twiml.matchAll(/<Say\b([^>]*)>/g)].map(([, attributes]) => attributes);
const saidTexts = (twiml: string): string[] =>
  [...twiml.matchAll(/<Say\b[^>]*>([^<]*)<\/Say>/g)].map(([, text]) => text);
const played = (twiml: string): string[] =>
  [...twiml.matchAll(/<Play\b[^>]*>([^<]*)<\/Play>/g)].map(([, media]) =>
    media.replace(/&amp;/g, '&'),
  );

const expectTwilioPlays = (step: string, { twiml, context }: Answer) =>
  expect({ step, problem: twimlProblem(twiml, context) }).toEqual({ step, problem: null });

describe('the prompts real Twilio speaks', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  for (const locale of ['zh-CN', 'en'] as const) {
    for (const recorded of [false, true]) {
      it(`every TwiML of a ${locale} hotline ${recorded ? 'with every prompt recorded' : 'without recordings'} is one Twilio plays, in the hotline's voice`, () => {
        const greetings = recorded ? everyGreeting(locale) : {};
        const hotline = hotlineIn(locale, DEFAULT_SAY_VOICE[locale], greetings);
        const answers = everyTwimlOf(hotline);
        for (const [step, answer] of Object.entries(answers)) {
          expectTwilioPlays(step, answer);
          for (const attributes of sayAttributes(answer.twiml))
            expect({ step, attributes }).toEqual({
              step,
              attributes: expect.stringContaining(
                `voice="${hotline.sayVoice}" language="${hotline.sayLanguage}"`,
              ),
            });
          // Only the hotline's own recordings are ever played.
          for (const media of played(answer.twiml))
            expect({ step, recording: Object.values(greetings).includes(media) }).toEqual({
              step,
              recording: true,
            });
        }
        // The menus and the goodbyes do speak, or play.
        const speaks = recorded ? /<Play>/ : /<Say /;
        expect(answers.callerMenu.twiml).toMatch(speaks);
        expect(answers.closed.twiml).toMatch(speaks);
      });
    }

    it(`plays a ${locale} hotline's recordings instead of the prompts they record, and says the rest`, () => {
      const greetings = everyGreeting(locale);
      const hotline = hotlineIn(locale, DEFAULT_SAY_VOICE[locale], greetings);
      const answers = everyTwimlOf(hotline);
      const spoken = everyTwimlOf(hotlineIn(locale));
      const prompts = VOICE_PROMPTS[locale];
      const recordedTexts = [
        prompts.welcome(hotline.name),
        prompts.callerMenu,
        prompts.holdOn,
        prompts.crisisHoldOn,
        prompts.goodbye,
      ];
      for (const [step, { twiml }] of Object.entries(answers))
        for (const text of saidTexts(twiml))
          for (const recordedText of recordedTexts)
            expect({ step, text }).not.toEqual({
              step,
              text: expect.stringContaining(recordedText),
            });

      // Inside the menus' <Gather>: a key pressed during a recording is heard.
      expect(answers.callerMenu.twiml).toMatch(
        /<Gather [^>]*><Play>[^<]*welcome\.mp3[^<]*<\/Play><Play>[^<]*callerMenu\.mp3[^<]*<\/Play><\/Gather>/,
      );
      expect(answers.topicMenu.twiml).toMatch(/<Gather [^>]*><Play>[^<]*topicMenu\.mp3/);
      expect(played(answers.enqueue.twiml)).toEqual([greetings.holdOn]);
      expect(played(answers.crisisEnqueue.twiml)).toEqual([greetings.crisisHoldOn]);
      expect(played(answers.holdUnknownPlace.twiml)).toEqual([greetings.holdOn]);
      expect(answers.crisisHoldWithChoice.twiml).toMatch(
        /<Gather [^>]*><Play>[^<]*crisisHoldOn\.mp3[^<]*<\/Play><Say [^>]*>[^<]+<\/Say><\/Gather>/,
      );
      expect(played(answers.budgetFirstHold.twiml)).toEqual([greetings.holdOn]);
      expect(played(answers.budgetHoldAgain.twiml)).toEqual([]);
      // Closed: the welcome, the hours spoken from the settings, the recorded closed message.
      expect(played(answers.closed.twiml)).toEqual([
        greetings.welcome,
        greetings.closed,
        greetings.goodbye,
      ]);
      expect(saidTexts(answers.closed.twiml).join(' ')).toContain(
        prompts.hours(everyDay({ start: '18:00', end: '22:00' })),
      );
      for (const step of ['goodbye', 'queueFull', 'messageKept', 'budgetGiveUp', 'budgetForward'])
        expect({ step, last: played(answers[step].twiml).at(-1) }).toEqual({
          step,
          last: greetings.goodbye,
        });
      // What the server works out, and what volunteers and supervisors hear, stays spoken.
      for (const step of ['hold', 'holdNobodyOnDuty', 'conference', 'callbackRecorded'])
        expect(saidTexts(answers[step].twiml).length).toBeGreaterThan(0);
      for (const step of [
        ...Object.keys(ladderAnswers(new LadderTwiml(hotlineIn(locale), url))),
        'screenAsk',
      ])
        expect({ step, twiml: answers[step].twiml }).toEqual({ step, twiml: spoken[step].twiml });
    });
  }

  it("speaks a failed webhook's answer, which cannot read the hotline, in both languages with their default voices", () => {
    const defaults = Object.values(DEFAULT_SAY_VOICE).map(
      ({ voice, language }) => `voice="${voice}" language="${language}"`,
    );
    const answers: Record<string, Answer> = {};
    for (const [step, twiml] of Object.entries({
      ...errorAnswers(),
      ...budgetAnswers(new HoldTwiml(null)),
    }))
      answers[step] = { twiml };
    answers.errorOnHoldMusic.context = { waitUrl: true };
    answers.errorOnWaitChoice.context = { waitUrl: true };
    for (const [step, answer] of Object.entries(answers)) {
      expectTwilioPlays(step, answer);
      expect({ step, play: answer.twiml.includes('<Play') }).toEqual({ step, play: false });
      for (const attributes of sayAttributes(answer.twiml))
        expect({ step, attributes: defaults.some((pair) => attributes.includes(pair)) }).toEqual({
          step,
          attributes: true,
        });
    }
    expect(answers.errorOnHoldMusic.twiml).toMatch(/<Response><Pause length="5"\/><\/Response>/);
    expect(answers.errorInDanger.twiml).toContain('<Dial answerOnBridge="true">12356</Dial>');
    expect(answers.errorFirstTime.twiml).toContain('incoming?retry=1');
    expect(answers.errorAgain.twiml).toContain('<Hangup/>');
    for (const step of ['errorFirstTime', 'errorAgain', 'budgetGiveUp'])
      expect(saidTexts(answers[step].twiml).map((text) => text.slice(0, 4))).toEqual(
        expect.arrayContaining([
          VOICE_PROMPTS['zh-CN'].apology.slice(0, 4),
          VOICE_PROMPTS.en.apology.slice(0, 4),
        ]),
      );
  });

  it('speaks with the voice a hotline chose', () => {
    const hotline = hotlineIn('zh-CN', { voice: 'Google.cmn-CN-Wavenet-B', language: 'cmn-CN' });
    const twiml = new CallFlowTwiml(hotline, (path) => path).callerMenu();
    expect(twiml).toContain('voice="Google.cmn-CN-Wavenet-B" language="cmn-CN"');
  });
});

describe('waiting callers', () => {
  const flow = new CallFlowTwiml(hotlineIn('en'), url);

  it('never says "you are next" when nobody is on duty or the place is unknown', () => {
    expect(flow.hold({ position: 1, expectedWaitSeconds: 60 }, false)).toContain('You are next');
    expect(flow.hold('nobody_on_duty', true)).not.toContain('You are next');
    expect(flow.hold('nobody_on_duty', true)).toContain('Nobody is on duty');
    expect(flow.hold(null, false)).not.toContain('You are next');
  });

  it('offers 1 for a message and 2 for a call-back from the queue, leaving it by the choice step', () => {
    const hold = flow.hold({ position: 3, expectedWaitSeconds: 300 }, true);
    expect(hold).toMatch(
      /<Gather numDigits="1" timeout="8" action="https:\/\/h\.test\/twilio\/voice\/wait-choice" method="POST"><Say [^>]*>There are 2 callers ahead of you\. The wait is about 5 minutes\. To leave us a message, press 1\. To be called back, press 2\.<\/Say><\/Gather><Pause length="12"\/>/,
    );
  });

  it("records up to the hotline's limit and reports the recording to the signed webhook", () => {
    const record = flow.recordMessage('nobody_on_duty');
    expect(record).toContain(
      '<Record maxLength="90" finishOnKey="#" playBeep="true" action="https://h.test/twilio/voice/recorded?reason=nobody_on_duty" method="POST" recordingStatusCallback="https://h.test/twilio/voice/recording?reason=nobody_on_duty" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed absent"/>',
    );
  });

  it('offers a caller without caller id the hours and a message, never a call-back', () => {
    const twiml = flow.noCallbackWithoutNumber('closed_hours');
    expect(twiml).toContain('We cannot see your phone number');
    expect(twiml).toContain('open every day from 18:00 to 22:00');
    expect(twiml).toContain('To leave us a message, press 1.');
    expect(twiml).not.toContain('press 2');
  });
});

describe('refused callers', () => {
  const flow = new CallFlowTwiml(hotlineIn('en'), url);

  it('tell a blocked caller the emergency numbers and keep the danger key open', () => {
    expect(flow.refused('blocked')).toMatch(
      /^<\?xml[^>]*\?><Response><Gather numDigits="1" timeout="6" action="https:\/\/h\.test\/twilio\/voice\/menu\?step=caller" method="POST"><Say [^>]*>This number cannot reach the hotline for now\. If your life is in danger, call 110 or 120 now\. If you are in danger now, press 9\.<\/Say><\/Gather><Redirect method="POST">https:\/\/h\.test\/twilio\/voice\/menu\?step=caller<\/Redirect><\/Response>$/,
    );
  });

  it('tell a caller over the limit to call again later, the danger key open as well', () => {
    const twiml = flow.refused('over_limit');
    expect(twiml).toContain('You have called many times in a short while.');
    expect(twiml).toContain('If you are in danger now, press 9.');
    expect(new CallFlowTwiml(hotlineIn('zh-CN'), url).refused('over_limit')).toContain(
      '如果你现在有危险，请按9。',
    );
  });
});
