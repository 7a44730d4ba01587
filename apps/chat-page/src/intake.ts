/**
 * The few questions before a chat, as the phone menu asks them: who is writing, about what,
 * and "I am in danger now". Nothing personal. Pure: what is missing, and the request to send.
 */
import { CHAT_WRITERS, type ChatRequest, type ChatWriter } from '@hotline/chat-protocol';
import type { Locale } from './i18n';

export interface Intake {
  callerType: ChatWriter | null;
  topic: string | null;
  danger: boolean;
}

export type IntakeProblem = 'who' | 'topic';

export const emptyIntake = (): Intake => ({ callerType: null, topic: null, danger: false });

export const isWriter = (value: string): value is ChatWriter =>
  (CHAT_WRITERS as readonly string[]).includes(value);

/**
 * The request, or what is missing. In danger, nothing else is asked: a child in danger is not
 * held back by a question (the writer is then "other", the topic the menu's last, "other").
 */
export function checkIntake(
  intake: Intake,
  topics: readonly string[],
  language: Locale,
): { ok: true; request: ChatRequest } | { ok: false; problems: IntakeProblem[] } {
  const topic = intake.topic !== null && topics.includes(intake.topic) ? intake.topic : null;
  if (intake.danger)
    return {
      ok: true,
      request: {
        callerType: intake.callerType ?? 'other',
        topic: topic ?? fallbackTopic(topics),
        danger: true,
        language,
      },
    };
  const problems: IntakeProblem[] = [];
  if (intake.callerType === null) problems.push('who');
  if (topic === null) problems.push('topic');
  if (intake.callerType === null || topic === null) return { ok: false, problems };
  return { ok: true, request: { callerType: intake.callerType, topic, language } };
}

/** As the phone menu does with no key pressed: "other", else the menu's last topic. */
export function fallbackTopic(topics: readonly string[]): string {
  return topics.includes('other') ? 'other' : (topics.at(-1) ?? 'other');
}
