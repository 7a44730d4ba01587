import type { ChatLanguage } from '@hotline/chat-protocol';

/**
 * What the hotline itself says in a chat (`from: 'system'`), in the writer's language. Short,
 * warm and plain: the writer may be a frightened child.
 */
export interface ChatTexts {
  /** A volunteer sent the writer back to the queue for a colleague better placed. */
  backInQueue: string;
  /** A colleague takes the conversation over. */
  handedOver: string;
  /** The volunteer's connection was lost: the writer keeps their place at the front. */
  volunteerLost: string;
  /** The writer has been silent a while. */
  stillThere: string;
  /** Silent since the question: the chat ends, and the way back stays open. */
  idleEnd: string;
  /** Nobody could take a writer in danger: the crisis line, while they keep their place. */
  crisisLine(line: string): string;
  /** The hotline closed while the writer waited. */
  closed(emergency: string): string;
  /** A supervisor joined the conversation. */
  supervisorJoined: string;
}

export const CHAT_TEXTS: Record<ChatLanguage, ChatTexts> = {
  'zh-CN': {
    backInQueue: '志愿者为你转给了更合适的同伴，你会回到队伍最前面，请稍等一下。',
    handedOver: '另一位志愿者会接着和你聊，你写过的内容他/她都能看到。',
    volunteerLost: '和你聊天的志愿者暂时断开了连接。你会回到队伍最前面，很快会有人来接着聊。',
    stillThere: '你还在吗？不着急，想好了随时可以继续写。',
    idleEnd: '我们有一阵没有收到你的消息，这次聊天先结束了。需要的时候，随时欢迎你再来。',
    crisisLine: (line) =>
      `现在暂时还没有志愿者接通。如果你现在有危险，请马上拨打 ${line}（全国心理援助热线），或者110、120。你也可以继续在这里等待。`,
    closed: (emergency) => `热线现在已经下班了，这次聊天只能先结束。${emergency}`,
    supervisorJoined: '一位督导老师加入了聊天，和志愿者一起陪着你。',
  },
  en: {
    backInQueue:
      'Your volunteer has passed you to a colleague who can help better. You are back at the front of the queue; please wait a moment.',
    handedOver:
      'Another volunteer will carry on with you. They can see what you have written so far.',
    volunteerLost:
      'The volunteer you were talking to lost their connection. You are back at the front of the queue and someone will be with you soon.',
    stillThere: 'Are you still there? Take your time, and write whenever you are ready.',
    idleEnd:
      'We have not heard from you for a while, so this chat has ended. You are welcome to write again whenever you need.',
    crisisLine: (line) =>
      `Nobody has been able to answer yet. If you are in danger now, please call ${line} (the national psychological assistance line), or 110 or 120, straight away. You can also keep waiting here.`,
    closed: (emergency) =>
      `The hotline has closed for today, so this chat has to end. ${emergency}`,
    supervisorJoined: 'A supervisor has joined the chat, to help the volunteer support you.',
  },
};
