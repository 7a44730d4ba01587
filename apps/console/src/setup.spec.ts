import {
  type HotlineView,
  type VolunteerView,
  grantableRoles,
  hotlineBody,
  hotlineForm,
  mayManage,
  messagesFor,
  seesSetup,
  templateBody,
  templateForm,
  volunteerBody,
  volunteerForm,
  volunteerListPath,
} from './setup';

const volunteer: VolunteerView = {
  id: 'v1',
  name: 'Wang Fang',
  email: 'wang@example.org',
  hasPhone: true,
  expertKind: 'counsellor',
  topicSkills: ['emotional'],
  languages: ['zh-CN'],
  roles: ['volunteer'],
  softphoneIdentity: 'wang',
  answerBy: 'browser',
  active: true,
  hotlineIds: ['h1'],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  deactivatedAt: null,
  twoFactorEnabled: false,
};

const everyEvening = { start: '18:00', end: '22:00' };
const hotline: HotlineView = {
  id: 'h1',
  name: 'City hotline',
  phoneNumber: '+8657112355',
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
  openingHours: {
    mon: [everyEvening],
    tue: [everyEvening],
    wed: [everyEvening],
    thu: [everyEvening],
    fri: [everyEvening],
    sat: [everyEvening],
    sun: [everyEvening],
  },
  closures: [],
  closedMessage: '请拨打12356。',
  sayVoice: 'Polly.Zhiyu-Neural',
  sayLanguage: 'cmn-CN',
  routing: {
    strategy: 'longest_idle',
    offerTimeoutSeconds: 20,
    wrapUpSeconds: 60,
    skillFallbackSeconds: 30,
    maxWaitSeconds: 600,
    maxQueueSize: 50,
    missedRecoverSeconds: 30,
    crisisSupervisorAfterSeconds: 15,
    crisisForwardAfterSeconds: 60,
    crisisLine: '12356',
    crisisRealertSeconds: 30,
    offerMessageAfterSeconds: 120,
    voicemailMaxSeconds: 120,
    callerLimitCalls: 5,
    callerLimitMinutes: 30,
    maxChats: 2,
  },
  greetings: { welcome: 'https://media.example.org/welcome.mp3' },
  chat: {
    cannedReplies: [],
    secondLanguageCannedReplies: ['Are you safe right now?'],
    idleCheckSeconds: 300,
    idleEndSeconds: 120,
  },
  requireTwoFactorFor: [],
  withdrawCutoffHours: 24,
  noteRetentionDays: 365,
  reviewSamplePercent: 10,
  unitId: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('who sees what in Setup', () => {
  it('is for coordinators and admins', () => {
    expect(seesSetup(['coordinator'])).toBe(true);
    expect(seesSetup(['admin'])).toBe(true);
    expect(seesSetup(['supervisor', 'volunteer'])).toBe(false);
  });

  it("lets a coordinator give and change only volunteers' and supervisors' roles", () => {
    expect(grantableRoles(['coordinator'])).toEqual(['volunteer', 'supervisor']);
    expect(grantableRoles(['admin'])).toEqual(['volunteer', 'supervisor', 'coordinator', 'admin']);
    expect(mayManage(['coordinator'], { roles: ['volunteer', 'supervisor'] })).toBe(true);
    expect(mayManage(['coordinator'], { roles: ['coordinator'] })).toBe(false);
    expect(mayManage(['admin'], { roles: ['admin'] })).toBe(true);
  });
});

describe('the volunteer list', () => {
  it('asks the server for one page, filtered', () => {
    expect(
      volunteerListPath({ q: ' wang ', role: 'supervisor', active: 'true', page: 2 }, 'h1'),
    ).toBe('/api/volunteers?limit=50&offset=100&hotlineId=h1&q=wang&role=supervisor&active=true');
    expect(volunteerListPath({ q: '', role: '', active: '', page: 0 }, null)).toBe(
      '/api/volunteers?limit=50&offset=0',
    );
  });
});

describe('what the volunteer editor sends', () => {
  it('sends everything for a new person, with their first password and the hotline', () => {
    const form = {
      ...volunteerForm(null, 'h1'),
      name: 'Li Na',
      email: 'li@example.org',
      password: 'a-long-password',
      phone: '+8613800138000',
      languages: 'zh-CN, en',
    };
    expect(volunteerBody(form, null)).toEqual({
      name: 'Li Na',
      email: 'li@example.org',
      password: 'a-long-password',
      phone: '+8613800138000',
      expertKind: 'counsellor',
      topicSkills: [],
      languages: ['zh-CN', 'en'],
      roles: ['volunteer'],
      hotlineIds: ['h1'],
      answerBy: 'browser',
    });
  });

  it('sends only what changed for someone already there, and never their number unless typed', () => {
    const form = volunteerForm(volunteer, 'h1');
    expect(volunteerBody(form, volunteer)).toEqual({});
    // The same roles in another order are no change.
    const both = { ...volunteer, roles: ['volunteer', 'supervisor'] as VolunteerView['roles'] };
    expect(
      volunteerBody(
        { ...volunteerForm(both, 'h1'), roles: ['supervisor', 'volunteer'], answerBy: 'phone' },
        both,
      ),
    ).toEqual({ answerBy: 'phone' });
    expect(volunteerBody({ ...form, roles: ['volunteer', 'supervisor'] }, volunteer)).toEqual({
      roles: ['volunteer', 'supervisor'],
    });
    expect(volunteerBody({ ...form, removePhone: true, phone: '+86138' }, volunteer)).toEqual({
      phone: null,
    });
    expect(
      volunteerBody({ ...form, removePhone: true }, { ...volunteer, hasPhone: false }),
    ).toEqual({});
  });
});

describe('what the shift template form sends', () => {
  it('sends the weekdays in order, numbers as numbers, a cleared number as null', () => {
    const form = { ...templateForm(null), name: 'Early', weekdays: [3, 1], supervisorsNeeded: '' };
    expect(templateBody(form, 'h1', true)).toEqual({
      name: 'Early',
      weekdays: [1, 3],
      startTime: '18:00',
      endTime: '20:00',
      volunteersNeeded: 2,
      supervisorsNeeded: null,
      hotlineId: 'h1',
    });
  });
});

describe('what the hotline settings form sends', () => {
  it('leaves out what only an admin may change, and the voice and prompts that did not change', () => {
    const body = hotlineBody(hotlineForm(hotline), hotline, false) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'chat',
      'closedMessage',
      'closures',
      'openingHours',
      'routing',
      'withdrawCutoffHours',
    ]);
    expect(body.routing).toMatchObject({
      strategy: 'longest_idle',
      offerTimeoutSeconds: 20,
      crisisLine: '12356',
      maxChats: 2,
    });
  });

  it('sends the canned replies of each language one a line, blank lines left out', () => {
    const form = hotlineForm(hotline);
    expect(form.chat.cannedReplies).toEqual({ 'zh-CN': '', en: 'Are you safe right now?' });
    form.chat.cannedReplies['zh-CN'] = '我在这里，慢慢说。\n\n  你现在安全吗？ ';
    const body = hotlineBody(form, hotline, false) as { chat: Record<string, unknown> };
    expect(body.chat).toEqual({
      cannedReplies: ['我在这里，慢慢说。', '你现在安全吗？'],
      secondLanguageCannedReplies: ['Are you safe right now?'],
      idleCheckSeconds: 300,
      idleEndSeconds: 120,
    });
  });

  it('keeps each list with its language when an admin changes the hotline language', () => {
    const form = hotlineForm(hotline);
    form.chat.cannedReplies['zh-CN'] = '你现在安全吗？';
    form.locale = 'en';
    const body = hotlineBody(form, hotline, true) as { chat: Record<string, unknown> };
    expect(body.chat).toMatchObject({
      cannedReplies: ['Are you safe right now?'],
      secondLanguageCannedReplies: ['你现在安全吗？'],
    });
  });

  it('sends an emptied prompt as null (spoken again), a changed voice as a pair, an admin field for an admin', () => {
    const form = hotlineForm(hotline);
    form.greetings.welcome = '';
    form.greetings.goodbye = 'https://media.example.org/bye.mp3';
    form.sayVoice = 'Polly.Zhiyu';
    form.routing.wrapUpSeconds = '';
    form.closures = [{ date: '2026-12-25', reason: ' ' }];
    form.name = 'Renamed';
    const body = hotlineBody(form, hotline, true) as Record<string, unknown>;
    expect(body.greetings).toEqual({ welcome: null, goodbye: 'https://media.example.org/bye.mp3' });
    expect(body).toMatchObject({ sayVoice: 'Polly.Zhiyu', sayLanguage: 'cmn-CN', name: 'Renamed' });
    expect((body.routing as Record<string, unknown>).wrapUpSeconds).toBeNull();
    expect(body.closures).toEqual([{ date: '2026-12-25' }]);
  });
});

describe("the server's messages for a field", () => {
  const fields = {
    'routing.offerTimeoutSeconds': ['routing.offerTimeoutSeconds must not be less than 5'],
    openingHours: ['openingHours.mon: 18:00-21:00 overlaps 20:00-22:00'],
    'openingHours.tue.0.start': ['openingHours.tue.0.start must be a local time HH:mm, like 18:00'],
  };

  it('finds those of the field and of the fields within it', () => {
    expect(messagesFor(fields, 'routing')).toEqual([
      'routing.offerTimeoutSeconds must not be less than 5',
    ]);
    expect(messagesFor(fields, 'openingHours')).toHaveLength(2);
    expect(messagesFor(fields, 'openingHours', true)).toEqual([
      'openingHours.mon: 18:00-21:00 overlaps 20:00-22:00',
    ]);
    expect(messagesFor(fields, 'routing.wrapUpSeconds')).toEqual([]);
    expect(messagesFor(undefined, 'name')).toEqual([]);
  });
});
