import twilio from 'twilio';
import { numberUrlOf, twimlProblem } from './twiml-check';

describe('the TwiML check the tests and the simulator share', () => {
  it('accepts what the twilio library writes, with a voice Twilio speaks the language in', () => {
    const response = new twilio.twiml.VoiceResponse();
    response.say({ voice: 'Polly.Zhiyu-Neural', language: 'cmn-CN' }, '你好 & 欢迎');
    response.gather({ numDigits: 1 }).say({ voice: 'Polly.Joanna', language: 'en-US' }, 'hi');
    response.enqueue({ waitUrl: 'https://h.test/twilio/voice/wait?a=1&b=2' }, 'line');
    response.leave();
    expect(twimlProblem(response.toString())).toBeNull();
  });

  it('names what is wrong with an answer that is not TwiML', () => {
    expect(twimlProblem('{"statusCode":500}')).toMatch(/root element/);
    expect(twimlProblem('<Response><Say>hi</Response>')).toMatch(/Say|closes/);
    expect(twimlProblem('<Response><Script>x</Script></Response>')).toMatch(/not a TwiML verb/);
    expect(twimlProblem('<Response><Say>a</Say>')).toMatch(/never closed/);
  });

  it('refuses a <Say> that real Twilio would not speak', () => {
    const say = (attributes: string) =>
      twimlProblem(`<Response><Say${attributes}>你好</Say></Response>`);
    // Twilio's default voice is "man", which speaks no Chinese.
    expect(say(' language="zh-CN"')).toMatch(/without a voice/);
    expect(say(' voice="man" language="cmn-CN"')).toMatch(/speaks en-US.*not cmn-CN/);
    expect(say(' voice="Polly.Zhiyu-Neural" language="zh-CN"')).toMatch(/speaks cmn-CN, not zh-CN/);
    expect(say(' voice="Polly.Nobody" language="cmn-CN"')).toMatch(/not one of Twilio's voices/);
    expect(say(' voice="Polly.Zhiyu-Neural"')).toMatch(/needs the language/);
    expect(say(' voice="Google.cmn-CN-Wavenet-A" language="cmn-CN"')).toBeNull();
  });

  it('checks <Record> against the attributes and values Twilio documents', () => {
    const record = (attributes: string) =>
      twimlProblem(`<Response><Record${attributes}/></Response>`);
    expect(
      record(
        ' maxLength="120" playBeep="true" finishOnKey="#" action="https://h.test/r" method="POST" recordingStatusCallback="https://h.test/s" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed absent"',
      ),
    ).toBeNull();
    expect(record(' maxLength="0"')).toMatch(/maxLength="0"/);
    expect(record(' recordingStatusCallbackEvent="done"')).toMatch(/recordingStatusCallbackEvent/);
    expect(record(' statusCallback="https://h.test/s"')).toMatch(/no attribute statusCallback/);
    expect(twimlProblem('<Response><Gather><Record/></Gather></Response>')).toMatch(
      /Record.*(Gather|Response)/,
    );
  });

  it('checks <Play> against the attributes and values Twilio documents', () => {
    const response = new twilio.twiml.VoiceResponse();
    response.play({}, 'https://media.example.org/welcome.mp3?v=1&lang=zh');
    response.gather({ numDigits: 1 }).play({ loop: 2 }, 'http://media.example.org/menu.wav');
    response.play({ digits: 'ww12#' });
    expect(twimlProblem(response.toString())).toBeNull();
    const play = (attributes: string, media = 'https://media.example.org/a.mp3') =>
      twimlProblem(`<Response><Play${attributes}>${media}</Play></Response>`);
    expect(play('', '')).toMatch(/no URL/);
    expect(play('', '   ')).toMatch(/no URL/);
    expect(play('', '/recordings/welcome.mp3')).toMatch(/not an absolute URL/);
    expect(play('', 'ftp://media.example.org/a.mp3')).toMatch(/http or https/);
    expect(play(' loop="-1"')).toMatch(/loop="-1"/);
    expect(play(' loop="twice"')).toMatch(/loop="twice"/);
    expect(play(' loop="0"')).toBeNull();
    expect(play(' digits="12x"', '')).toMatch(/digits="12x"/);
    expect(play(' digits="1"')).toMatch(/digits or a URL, not both/);
    expect(play(' voice="Polly.Joanna"')).toMatch(/no attribute voice/);
    expect(twimlProblem('<Response><Play/></Response>')).toMatch(/no URL/);
  });

  it("allows only Twilio's hold verbs in a waitUrl document", () => {
    const hold =
      '<Response><Gather numDigits="1" action="https://h.test/c"><Pause length="1"/></Gather><Leave/></Response>';
    expect(twimlProblem(hold, { waitUrl: true })).toBeNull();
    const recordInQueue = '<Response><Record maxLength="60"/></Response>';
    expect(twimlProblem(recordInQueue, { waitUrl: true })).toMatch(
      /not allowed in an Enqueue waitUrl/,
    );
    expect(twimlProblem(recordInQueue)).toBeNull();
    expect(twimlProblem('<Response><Enqueue>q</Enqueue></Response>', { waitUrl: true })).toMatch(
      /waitUrl/,
    );
  });

  it("refuses attributes Twilio would not take, and verbs it does not run on the called party's end", () => {
    expect(twimlProblem('<Response><Gather numDigits="0"/></Response>')).toMatch(/numDigits/);
    expect(twimlProblem('<Response><Gather timeout="six"/></Response>')).toMatch(/timeout/);
    expect(
      twimlProblem('<Response><Dial><Number method="PUT">+1</Number></Dial></Response>'),
    ).toMatch(/method/);
    const dial = new twilio.twiml.VoiceResponse();
    dial
      .dial({ action: 'https://h.test/r?a=1&b=2' })
      .number({ url: 'https://h.test/s?c=1&d=2' }, '+1');
    expect(twimlProblem(dial.toString())).toBeNull();
    expect(numberUrlOf(dial.toString())).toBe('https://h.test/s?c=1&d=2');
    // The screen on a dialled phone may ask, speak and hang up, but never dial on.
    expect(twimlProblem(dial.toString(), { leg: 'called' })).toMatch(/<Dial> cannot run/);
    const screen = new twilio.twiml.VoiceResponse();
    screen
      .gather({ numDigits: 1, timeout: 6 })
      .say({ voice: 'Polly.Joanna', language: 'en-US' }, 'press 1');
    screen.hangup();
    expect(twimlProblem(screen.toString(), { leg: 'called' })).toBeNull();
    expect(twimlProblem('<Response/>', { leg: 'called' })).toBeNull();
  });
});

describe("the TwiML check's <Conference>", () => {
  const conference = (attributes: string, name = 'call-1', dial = '') =>
    twimlProblem(
      `<Response><Dial${dial}><Conference${attributes}>${name}</Conference></Dial></Response>`,
    );

  it('accepts what the twilio library writes for a call of ours', () => {
    const response = new twilio.twiml.VoiceResponse();
    response.dial({ action: 'https://h.test/r', method: 'POST' }).conference(
      {
        beep: 'false',
        startConferenceOnEnter: false,
        endConferenceOnExit: true,
        participantLabel: 'caller',
        statusCallback: 'https://h.test/c?call=1',
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['start', 'end', 'join', 'leave', 'mute', 'hold'],
      },
      'call-1',
    );
    expect(twimlProblem(response.toString())).toBeNull();
  });

  it('refuses what Twilio would not run', () => {
    expect(conference(' beep="no"')).toMatch(/beep="no"/);
    expect(conference(' endConferenceOnExit="yes"')).toMatch(/endConferenceOnExit/);
    expect(conference(' statusCallbackEvent="join"')).toMatch(/without a statusCallback/);
    expect(
      conference(' statusCallback="https://h.test/c" statusCallbackEvent="join ringing"'),
    ).toMatch(/statusCallbackEvent/);
    expect(conference(' whisper="true"')).toMatch(/no attribute whisper/);
    expect(conference('', ' ')).toMatch(/names no conference/);
    expect(twimlProblem('<Response><Conference>call-1</Conference></Response>')).toMatch(
      /noun of <Dial>/,
    );
    expect(
      twimlProblem(
        '<Response><Dial><Conference>call-1</Conference><Client>a</Client></Dial></Response>',
      ),
    ).toMatch(/no other noun/);
  });
});
