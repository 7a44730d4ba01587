import { checkIntake, emptyIntake, isWriter } from './intake';

const MENU = ['emotional', 'learning', 'parent_child', 'other'];

describe('the questions before a chat', () => {
  it('asks who is writing and about what, and names what is missing', () => {
    expect(checkIntake(emptyIntake(), MENU, 'zh-CN')).toEqual({
      ok: false,
      problems: ['who', 'topic'],
    });
    expect(
      checkIntake({ callerType: 'pupil', topic: 'not_on_the_menu', danger: false }, MENU, 'en'),
    ).toEqual({ ok: false, problems: ['topic'] });
    expect(
      checkIntake({ callerType: 'parent', topic: 'learning', danger: false }, MENU, 'en'),
    ).toEqual({
      ok: true,
      request: { callerType: 'parent', topic: 'learning', language: 'en' },
    });
  });

  it('holds a child in danger back with no question', () => {
    expect(checkIntake({ ...emptyIntake(), danger: true }, MENU, 'zh-CN')).toEqual({
      ok: true,
      request: { callerType: 'other', topic: 'other', danger: true, language: 'zh-CN' },
    });
    expect(
      checkIntake({ callerType: 'pupil', topic: 'emotional', danger: true }, ['emotional'], 'en'),
    ).toEqual({
      ok: true,
      request: { callerType: 'pupil', topic: 'emotional', danger: true, language: 'en' },
    });
  });

  it('knows the writers of the phone menu', () => {
    expect(['pupil', 'parent', 'teacher', 'other'].every(isWriter)).toBe(true);
    expect(isWriter('stranger')).toBe(false);
  });
});
