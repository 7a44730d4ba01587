import { FakeConferences } from './fake-conferences';

const PATH = '/2010-04-01/Accounts/AC1/Conferences';
const SUPERVISOR = { From: '+8657112355', To: 'client:supervisor-1', Label: 'supervisor-1' };

describe('the fake Twilio conferences, as strict as Twilio', () => {
  function callWith() {
    const conferences = new FakeConferences();
    const sid = conferences.join('call-1', `CA${'1'.repeat(32)}`, {
      label: 'caller',
      endConferenceOnExit: true,
    });
    conferences.join('call-1', `CA${'2'.repeat(32)}`, { label: 'volunteer' });
    return { conferences, sid };
  }

  it('adds a participant by the conference sid or name, and coaching needs someone to coach', () => {
    const { conferences, sid } = callWith();
    const whisper = conferences.handle('POST', `${PATH}/${sid}/Participants.json`, {
      ...SUPERVISOR,
      Coaching: 'true',
      CallSidToCoach: `CA${'2'.repeat(32)}`,
    });
    expect(whisper).toMatchObject({
      status: 201,
      body: { coaching: true, call_sid_to_coach: `CA${'2'.repeat(32)}`, conference_sid: sid },
    });
    expect(
      conferences.handle('POST', `${PATH}/call-1/Participants.json`, {
        ...SUPERVISOR,
        Coaching: 'true',
      }),
    ).toMatchObject({ status: 400, body: { message: /CallSidToCoach is required/ } });
    expect(
      conferences.handle('POST', `${PATH}/call-1/Participants.json`, {
        ...SUPERVISOR,
        CallSidToCoach: `CA${'9'.repeat(32)}`,
      }),
    ).toMatchObject({ status: 400, body: { message: /same conference/ } });
    expect(
      conferences.handle('POST', `${PATH}/call-1/Participants.json`, {
        ...SUPERVISOR,
        Muted: 'yes',
      }),
    ).toMatchObject({ status: 400, body: { message: /Muted must be true or false/ } });
    expect(
      conferences.handle('POST', `${PATH}/CF${'0'.repeat(32)}/Participants.json`, SUPERVISOR),
    ).toMatchObject({ status: 404 });
    expect(
      conferences.handle('POST', `${PATH}/call-1/Participants.json`, { To: 'client:x' }),
    ).toMatchObject({ status: 400, body: { code: 21213 } });
  });

  it('updates a participant by call sid or label, and removes one', () => {
    const { conferences, sid } = callWith();
    const created = conferences.handle('POST', `${PATH}/${sid}/Participants.json`, {
      ...SUPERVISOR,
      Muted: 'true',
    });
    const supervisorSid = (created!.body as { call_sid: string }).call_sid;
    expect(
      conferences.handle('POST', `${PATH}/${sid}/Participants/${supervisorSid}.json`, {
        Muted: 'false',
        Coaching: 'true',
        CallSidToCoach: `CA${'2'.repeat(32)}`,
      }),
    ).toMatchObject({ status: 200, body: { muted: false, coaching: true } });
    expect(
      conferences.handle('POST', `${PATH}/${sid}/Participants/caller.json`, {
        Hold: 'true',
        HoldUrl: 'https://h.test/music',
      }),
    ).toMatchObject({ status: 200, body: { hold: true } });
    // Only a conference's sid names it for an update.
    expect(
      conferences.handle('POST', `${PATH}/call-1/Participants/caller.json`, { Hold: 'false' }),
    ).toMatchObject({ status: 404 });
    expect(
      conferences.handle('POST', `${PATH}/${sid}/Participants/caller.json`, {
        HoldUrl: 'music.mp3',
      }),
    ).toMatchObject({ status: 400 });
    expect(
      conferences.handle('DELETE', `${PATH}/${sid}/Participants/${supervisorSid}.json`, {}),
    ).toEqual({ status: 204 });
    expect(conferences.find(sid)!.participants.has(supervisorSid)).toBe(false);
  });

  it('ends the conference when the caller leaves, or when asked to', () => {
    const { conferences, sid } = callWith();
    conferences.leave(sid, 'caller');
    expect(conferences.find(sid)).toBeUndefined();
    const again = callWith();
    expect(
      again.conferences.handle('POST', `${PATH}/${again.sid}.json`, { Status: 'completed' }),
    ).toMatchObject({ status: 200, body: { status: 'completed' } });
    expect(again.conferences.find('call-1')).toBeUndefined();
  });
});
