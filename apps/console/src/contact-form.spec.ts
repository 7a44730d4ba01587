import {
  checkDraft,
  draftFromSaved,
  draftToSave,
  emptyDraft,
  opensCrisisCase,
} from './contact-form';

const TOPICS = new Set(['emotional', 'emotional.anxiety_stress', 'learning.exam_stress']);
const isTopic = (key: string) => TOPICS.has(key);

describe('the wrap-up draft', () => {
  it('starts empty, with the caller type the voice menu learnt', () => {
    expect(emptyDraft('parent')).toMatchObject({ callerType: 'parent', primaryTopic: '' });
    expect(emptyDraft('somebody').callerType).toBe('');
    expect(emptyDraft(null).otherTopics).toEqual(['', '']);
  });

  it('names what is missing: primary topic, risk level and outcome', () => {
    expect(checkDraft(emptyDraft(), isTopic)).toEqual({
      ok: false,
      problems: ['primaryTopic', 'riskLevel', 'outcome'],
    });
    expect(
      checkDraft({ ...emptyDraft(), primaryTopic: 'nonsense', riskLevel: 'low' }, isTopic),
    ).toEqual({ ok: false, problems: ['primaryTopic', 'outcome'] });
  });

  it('sends a non-counselling contact with no topic, risk or outcome asked', () => {
    expect(checkDraft({ ...emptyDraft('pupil'), contactType: 'silent' }, isTopic)).toEqual({
      ok: true,
      contact: { contactType: 'silent', callerType: 'pupil' },
    });
    // Topics chosen before the volunteer changed their mind are not sent.
    expect(
      checkDraft({ ...emptyDraft(), contactType: 'prank', primaryTopic: 'emotional' }, isTopic),
    ).toEqual({ ok: true, contact: { contactType: 'prank' } });
    // An unknown type is a counselling contact, which needs its fields.
    expect(checkDraft({ ...emptyDraft(), contactType: 'rude' }, isTopic).ok).toBe(false);
  });

  it('refuses text longer than the record keeps', () => {
    const draft = {
      ...emptyDraft(),
      primaryTopic: 'emotional',
      riskLevel: 'none',
      outcome: 'advice_given',
      district: 'x'.repeat(41),
      notes: 'y'.repeat(4001),
    };
    expect(checkDraft(draft, isTopic)).toEqual({ ok: false, problems: ['district', 'notes'] });
  });

  it('sends only what was entered, trimmed, other topics without repeats', () => {
    const result = checkDraft(
      {
        ...emptyDraft('pupil'),
        ageBand: '12_14',
        district: '  西湖区 ',
        primaryTopic: 'emotional.anxiety_stress',
        otherTopics: ['emotional.anxiety_stress', 'learning.exam_stress'],
        riskLevel: 'medium',
        outcome: 'callback_arranged',
        notes: '   ',
      },
      isTopic,
    );
    expect(result).toEqual({
      ok: true,
      contact: {
        callerType: 'pupil',
        ageBand: '12_14',
        district: '西湖区',
        primaryTopic: 'emotional.anxiety_stress',
        otherTopics: ['learning.exam_stress'],
        riskLevel: 'medium',
        outcome: 'callback_arranged',
      },
    });
    const twice = checkDraft(
      {
        ...emptyDraft(),
        primaryTopic: 'emotional',
        otherTopics: ['learning.exam_stress', 'learning.exam_stress'],
        riskLevel: 'low',
        outcome: 'advice_given',
      },
      isTopic,
    );
    expect(twice.ok && twice.contact.otherTopics).toEqual(['learning.exam_stress']);
  });

  it('knows which risk levels open a crisis case', () => {
    expect(['none', 'low', 'medium', 'high', 'imminent'].filter(opensCrisisCase)).toEqual([
      'high',
      'imminent',
    ]);
  });

  describe('saved while typing', () => {
    it('saves only what is chosen, and what the server takes', () => {
      expect(draftToSave(emptyDraft(), isTopic)).toEqual({});
      expect(
        draftToSave(
          {
            ...emptyDraft('pupil'),
            primaryTopic: 'nonsense',
            otherTopics: ['emotional', 'emotional'],
            riskLevel: 'high',
            district: ` ${'x'.repeat(50)} `,
            notes: '  Pills in her desk  ',
          },
          isTopic,
        ),
      ).toEqual({
        callerType: 'pupil',
        otherTopics: ['emotional'],
        riskLevel: 'high',
        district: 'x'.repeat(40),
        notes: 'Pills in her desk',
      });
    });

    it('comes back as the form left it', () => {
      const draft = {
        ...emptyDraft('parent'),
        ageBand: '12_14',
        primaryTopic: 'emotional',
        otherTopics: ['learning.exam_stress', ''],
        riskLevel: 'low',
        outcome: 'advice_given',
        notes: 'Worried about her daughter',
      };
      expect(draftFromSaved(draftToSave(draft, isTopic))).toEqual(draft);
      expect(draftFromSaved({}, 'pupil')).toEqual(emptyDraft('pupil'));
    });
  });
});
