import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { ChatContacts } from './chat-contacts.service';
import { ContactFieldsDto, WrapUpView } from './dto/contact.dto';

/** The contact record of a live chat, written by its volunteer (as a call's at wrap-up). */
@ApiTags('contacts')
@SignedInRoutes()
@Controller('api/chats')
export class ChatContactsController {
  constructor(private readonly contacts: ChatContacts) {}

  @Post(':id/wrap-up')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record the contact of a chat you answered (channel online, its transcript attached); frees its place',
  })
  @ApiOkResponse({ type: WrapUpView })
  @ApiNotFoundResponse({ description: 'No chat answered by you' })
  wrapUp(
    @SignedIn() volunteer: Volunteer,
    @Param('id', IdParam('chat')) chatId: string,
    @Body() fields: ContactFieldsDto,
  ): Promise<WrapUpView> {
    return this.contacts.wrapUp(volunteer, chatId, fields);
  }
}
