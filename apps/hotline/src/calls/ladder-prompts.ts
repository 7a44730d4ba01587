import type { HotlineLocale } from '../hotlines/hotline.entity';

/**
 * What the escalation ladder says on the phone. To a supervisor (an adult): what is happening
 * and which key to press. To the caller (a child): short, calm, and that someone is coming.
 */
export interface LadderPrompts {
  /** A supervisor answers the ladder's call. */
  crisisWaiting(waitedSeconds: number): string;
  pressOne: string;
  /** The supervisor pressed 1 first. */
  connectingSupervisor: string;
  /** Another supervisor (or a volunteer) took the caller, or they were forwarded. */
  alreadyTaken: string;
  noKey: string;
  /** The caller is moved to the supervisor. */
  connectingCaller: string;
  /** The caller is moved to the crisis line. */
  forwarding: string;
}

const zh: LadderPrompts = {
  crisisWaiting: (seconds) =>
    `危机来电：一位来电者按了危险键，已经等了${seconds}秒，还没有志愿者接听。`,
  pressOne: '请按1立即接听。',
  connectingSupervisor: '正在为你接通来电者。',
  alreadyTaken: '这位来电者已经有人接听了，谢谢你。',
  noKey: '没有收到按键，再见。',
  connectingCaller: '正在为你接通老师，请稍候。',
  forwarding: '正在为你转接心理援助热线，请不要挂断。',
};

const en: LadderPrompts = {
  crisisWaiting: (seconds) =>
    `Crisis call: a caller pressed the danger key ${seconds} seconds ago and no volunteer has answered.`,
  pressOne: 'Press 1 to take the call now.',
  connectingSupervisor: 'Connecting you to the caller.',
  alreadyTaken: 'Someone else has already taken this caller. Thank you.',
  noKey: 'No key was pressed. Goodbye.',
  connectingCaller: 'Connecting you now. Please hold on.',
  forwarding: 'We are connecting you to the crisis line. Please stay on the line.',
};

export const LADDER_PROMPTS: Record<HotlineLocale, LadderPrompts> = { 'zh-CN': zh, en };
