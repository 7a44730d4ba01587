import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { BlockDto } from '../callers/dto/callers.dto';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ChatSupervision } from './chat-supervision';
import { ChatBlockView, ChatTranscriptView } from './dto/chat.dto';

/** Live chats through the API: a transcript (audited), and blocking a writer's device. */
@ApiTags('chats')
@SignedInRoutes()
@Controller('api/chats')
export class ChatsController {
  constructor(private readonly supervision: ChatSupervision) {}

  @Get(':id/transcript')
  @ApiOperation({
    summary: "A chat's messages, for its volunteer or a supervisor of its hotline (audited)",
  })
  @ApiOkResponse({ type: ChatTranscriptView })
  @ApiNotFoundResponse({ description: 'No such chat whose transcript you may read' })
  transcript(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('chat')) chatId: string,
  ): Promise<ChatTranscriptView> {
    return this.supervision.transcript(actor, chatId);
  }

  @Post(':id/block')
  @Roles('supervisor', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Block the writer's device (a keyed hash, never stored in the clear) and end the chat",
  })
  @ApiOkResponse({ type: ChatBlockView })
  @ApiForbiddenResponse({ description: 'A permanent block needs an admin' })
  block(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('chat')) chatId: string,
    @Body() dto: BlockDto,
  ): Promise<ChatBlockView> {
    return this.supervision.block(actor, chatId, dto);
  }
}
