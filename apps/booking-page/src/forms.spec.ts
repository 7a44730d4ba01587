import {
  DESCRIPTION_MAX,
  type Draft,
  bookingBody,
  charCount,
  checkDraft,
  emptyDraft,
  hasProblems,
  problemsOf,
  waitlistBody,
} from './forms';

const filled = (changes: Partial<Draft> = {}): Draft => ({
  parentName: ' 王芳 ',
  phone: ' 139 1234 5678 ',
  child: 'age:12_14',
  description: '',
  consent: true,
  ...changes,
});

describe('the details form', () => {
  it('names every missing field of an empty form', () => {
    expect(checkDraft(emptyDraft())).toEqual({
      parentName: { key: 'field.parentName.missing' },
      phone: { key: 'field.phone.missing' },
      child: { key: 'field.child.missing' },
      consent: { key: 'field.consent.missing' },
    });
    expect(hasProblems(checkDraft(filled()))).toBe(false);
  });

  it('refuses letters as a phone number and a description over the limit', () => {
    expect(checkDraft(filled({ phone: 'call me' })).phone).toEqual({ key: 'field.phone.invalid' });
    expect(checkDraft(filled({ phone: '+86 (139) 1234-5678' })).phone).toBeUndefined();
    const long = '字'.repeat(DESCRIPTION_MAX + 1);
    expect(checkDraft(filled({ description: long })).description).toEqual({
      key: 'field.description.long',
    });
    // The waitlist form has no description.
    expect(checkDraft(filled({ description: long }), false).description).toBeUndefined();
  });

  it('counts characters as a person does', () => {
    expect(charCount('孩子😀')).toBe(3);
  });

  it('builds the booking body of the contract: trimmed, age band or grade, consent', () => {
    expect(bookingBody(filled(), '2026-11-24T07:00:00.000Z', 'learning', 'zh-CN')).toEqual({
      start: '2026-11-24T07:00:00.000Z',
      topic: 'learning',
      parentName: '王芳',
      phone: '139 1234 5678',
      childAgeBand: '12_14',
      consent: true,
      language: 'zh-CN',
    });
    expect(
      bookingBody(
        filled({ child: 'grade:junior_2', description: '  不想上学  ' }),
        '2026-11-24T07:00:00.000Z',
        'learning',
        'en',
      ),
    ).toEqual(
      expect.objectContaining({ childGrade: 'junior_2', description: '不想上学', language: 'en' }),
    );
  });

  it('builds the waitlist body for a day', () => {
    expect(waitlistBody(filled(), '2026-11-25', 'emotional', 'en')).toEqual({
      date: '2026-11-25',
      topic: 'emotional',
      parentName: '王芳',
      phone: '139 1234 5678',
      childAgeBand: '12_14',
      consent: true,
      language: 'en',
    });
  });

  it('puts the messages of a 400 beside their fields, the rest above the form', () => {
    const { fields, other } = problemsOf([
      'parentName should not be empty',
      'phone must be a valid phone number',
      'childAgeBand must be one of the following values: under_6, 6_11',
      'description must be shorter than or equal to 500 characters',
      'consent must be true',
      'start must be a valid ISO 8601 date string',
    ]);
    expect(Object.keys(fields).sort()).toEqual(
      ['child', 'consent', 'description', 'parentName', 'phone'].sort(),
    );
    expect(fields.phone).toEqual({ message: 'phone must be a valid phone number' });
    expect(other).toEqual(['start must be a valid ISO 8601 date string']);
  });

  it('places a service’s sentence by the words it uses', () => {
    expect(problemsOf('This phone number cannot be read: give a mobile number.').fields).toEqual({
      phone: { message: 'This phone number cannot be read: give a mobile number.' },
    });
    expect(problemsOf("Give the child's age band or school grade.").fields.child).toBeDefined();
    expect(problemsOf(null)).toEqual({ fields: {}, other: [] });
  });
});
