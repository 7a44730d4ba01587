import { ForbiddenException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { CallbackRequestsService } from '../calls/callback-requests.service';
import { ChatHotlines, menuTopic } from './chat-hotlines';
import { ChatLimits } from './chat-limits';
import { checkedText } from './chat-conversations';
import { ChatLeftMessageDto, ChatMessageLeftView } from './dto/chat.dto';

/**
 * A message a writer leaves on the chat page instead of a chat (outside opening hours, or
 * rather than wait): it joins the hotline's call-back list, encrypted, read the next evening.
 */
@Injectable()
export class MessagesLeft {
  constructor(
    private readonly hotlines: ChatHotlines,
    private readonly callbacks: CallbackRequestsService,
    private readonly limits: ChatLimits,
  ) {}

  async leave(dto: ChatLeftMessageDto, address: string): Promise<ChatMessageLeftView> {
    const hotline = await this.hotlines.hotline(dto.hotlineId);
    const topic = menuTopic(dto.topic);
    const text = checkedText(dto.text);
    if (!this.limits.allow('leave', address))
      throw new HttpException(
        'Too many messages from this address; wait a little and try again.',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    if (await this.hotlines.deviceBlocked(hotline.id, dto.deviceId, address))
      throw new ForbiddenException(this.hotlines.refused(hotline));
    const forDate = this.hotlines.forDate(hotline);
    await this.callbacks.recordChatPageMessage(
      { hotlineId: hotline.id, text, callerType: dto.callerType, topic },
      this.hotlines.isOpen(hotline) ? 'while_waiting' : 'closed_hours',
      forDate,
    );
    return { received: true, forDate };
  }
}
