import { Body, Controller, Get, Ip, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { ChatDoor } from './chat-door';
import { ChatHotlines } from './chat-hotlines';
import { MessagesLeft } from './messages-left';
import {
  ChatBusyView,
  ChatClosedView,
  ChatHotlineView,
  ChatLeftMessageDto,
  ChatMessageLeftView,
  ChatOpenedView,
  ChatRefusedView,
  ChatRequestDto,
  PublicHotlineQuery,
} from './dto/chat.dto';

/**
 * The chat page's API (`/chat/`): no sign-in and no personal data; budgets per address. The
 * conversation itself is on the socket.io namespace `/chat` (docs/chat.md).
 */
@ApiTags('chat (public)')
@Public()
@ApiExtraModels(ChatClosedView, ChatBusyView)
@ApiTooManyRequestsResponse({ description: 'Too many requests from this address; wait a little' })
@Controller('api/public')
export class PublicChatsController {
  constructor(
    private readonly door: ChatDoor,
    private readonly hotlines: ChatHotlines,
    private readonly messagesLeft: MessagesLeft,
  ) {}

  @Get('hotline')
  @ApiOperation({
    summary: 'What the chat page shows first: the hotline, open now or not, its hours and menu',
  })
  @ApiOkResponse({ type: ChatHotlineView })
  hotline(@Query() query: PublicHotlineQuery): Promise<ChatHotlineView> {
    return this.hotlines.info(query.hotlineId);
  }

  @Post('chats')
  @ApiOperation({
    summary: 'Open a live chat: it joins the queue; connect to /chat with the token it gives',
  })
  @ApiCreatedResponse({ type: ChatOpenedView })
  @ApiConflictResponse({
    description: 'Closed now (the hours, the emergency numbers), or the queue is full',
    schema: {
      oneOf: [{ $ref: getSchemaPath(ChatClosedView) }, { $ref: getSchemaPath(ChatBusyView) }],
    },
  })
  @ApiForbiddenResponse({
    type: ChatRefusedView,
    description: 'A blocked device (a chat in danger is still answered)',
  })
  open(@Body() dto: ChatRequestDto, @Ip() address: string): Promise<ChatOpenedView> {
    return this.door.open(dto, address);
  }

  @Post('chat-messages')
  @ApiOperation({
    summary: "Leave a message instead of a chat (it joins the hotline's call-back list)",
  })
  @ApiCreatedResponse({ type: ChatMessageLeftView })
  @ApiForbiddenResponse({ type: ChatRefusedView, description: 'A blocked device' })
  leave(@Body() dto: ChatLeftMessageDto, @Ip() address: string): Promise<ChatMessageLeftView> {
    return this.messagesLeft.leave(dto, address);
  }
}
