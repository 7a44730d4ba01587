import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  CHAT_MESSAGE_MAX_LENGTH,
  CHAT_WRITERS,
  ChatBusy,
  ChatClosed,
  ChatHotline,
  ChatLanguage,
  ChatLeftMessage,
  ChatMessage,
  ChatMessageLeft,
  ChatOpened,
  ChatRefused,
  ChatRequest,
  ChatWriter,
} from '@hotline/chat-protocol';
import { BlockView } from '../../callers/dto/callers.dto';
import { ErrorView } from '../../common/dto/error.dto';

const LANGUAGES: ChatLanguage[] = ['zh-CN', 'en'];

/** The fields the chat page sends to open a chat and to leave a message alike. */
class ChatWriterFields {
  @ApiProperty({ enum: CHAT_WRITERS, description: 'Who is writing' })
  @IsIn(CHAT_WRITERS, { message: `callerType must be one of ${CHAT_WRITERS.join(', ')}` })
  callerType!: ChatWriter;

  @ApiProperty({
    example: 'emotional',
    description: 'A topic of the phone menu (GET /api/public/hotline lists them)',
  })
  @IsString({ message: 'topic must be a topic key of the menu' })
  @MaxLength(64)
  topic!: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: ChatLanguage;

  @ApiPropertyOptional({
    description:
      'A random id the page keeps for this browser; only a keyed hash of it with the address is stored',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,128}$/, {
    message: 'deviceId must be 8 to 128 letters, digits, - or _',
  })
  deviceId?: string;

  @ApiPropertyOptional({ description: 'Default: the hotline GET /api/public/hotline names' })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;
}

export class ChatRequestDto extends ChatWriterFields implements ChatRequest {
  @ApiPropertyOptional({
    description: '"I am in danger now": crisis priority and the supervisors alerted at once',
  })
  @IsOptional()
  @IsBoolean({ message: 'danger must be true or false' })
  danger?: boolean;
}

export class ChatLeftMessageDto extends ChatWriterFields implements ChatLeftMessage {
  @ApiProperty({ maxLength: CHAT_MESSAGE_MAX_LENGTH })
  @IsString({ message: 'text must be the message' })
  @Length(1, CHAT_MESSAGE_MAX_LENGTH, {
    message: `text must be 1 to ${CHAT_MESSAGE_MAX_LENGTH} characters`,
  })
  text!: string;
}

export class PublicHotlineQuery {
  @ApiPropertyOptional({ description: 'Default: the first hotline' })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;
}

export class ChatOpenedView implements ChatOpened {
  @ApiProperty() chatId!: string;
  @ApiProperty({
    description: 'The resume token: auth { token } on the /chat namespace; keep it for this tab',
  })
  token!: string;
}

export class ChatHoursView {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' })
  weekday!: number;
  @ApiProperty({ example: '18:00' }) opens!: string;
  @ApiProperty({ example: '22:00' }) closes!: string;
}

export class ChatClosedView extends ErrorView implements ChatClosed {
  @ApiProperty({ enum: ['closed'] }) override error!: 'closed';
  @ApiProperty({ type: [ChatHoursView] }) hours!: ChatHoursView[];
  @ApiProperty({ nullable: true, type: String }) nextOpening!: string | null;
  @ApiProperty({ enum: [true], description: 'POST /api/public/chat-messages instead' })
  leaveMessage!: true;
  @ApiProperty() emergency!: string;
}

export class ChatBusyView extends ErrorView implements ChatBusy {
  @ApiProperty({ enum: ['busy'] }) override error!: 'busy';
  @ApiProperty({ enum: [true] }) leaveMessage!: true;
  @ApiProperty() emergency!: string;
}

export class ChatRefusedView extends ErrorView implements ChatRefused {
  @ApiProperty({ enum: ['blocked'] }) override error!: 'blocked';
  @ApiProperty() emergency!: string;
}

export class ChatTopicLabelView {
  @ApiProperty({ name: 'zh-CN' }) 'zh-CN'!: string;
  @ApiProperty() en!: string;
}

export class ChatTopicView {
  @ApiProperty() key!: string;
  @ApiProperty({ type: ChatTopicLabelView }) label!: ChatTopicLabelView;
}

export class ChatHotlineView implements ChatHotline {
  @ApiProperty() hotlineId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: LANGUAGES }) locale!: ChatLanguage;
  @ApiProperty() open!: boolean;
  @ApiProperty({ example: 'Asia/Shanghai', description: 'The zone the hours are in (IANA)' })
  timeZone!: string;
  @ApiProperty({ type: [ChatHoursView] }) hours!: ChatHoursView[];
  @ApiProperty({ nullable: true, type: String }) nextOpening!: string | null;
  @ApiProperty({ type: [ChatTopicView] }) topics!: ChatTopicView[];
  @ApiProperty({ enum: CHAT_WRITERS, isArray: true }) callerTypes!: ChatWriter[];
  @ApiProperty() emergency!: string;
  @ApiProperty({ example: '12356' }) crisisLine!: string;
}

export class ChatMessageLeftView implements ChatMessageLeft {
  @ApiProperty({ enum: [true] }) received!: true;
  @ApiProperty({ example: '2026-11-24' }) forDate!: string;
}

export class ChatMessageView implements ChatMessage {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['writer', 'volunteer', 'system'] }) from!: ChatMessage['from'];
  @ApiProperty() text!: string;
  @ApiProperty() at!: string;
}

export class ChatTranscriptView {
  @ApiProperty() chatId!: string;
  @ApiProperty({ type: [ChatMessageView] }) messages!: ChatMessageView[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the retention job removed the messages (none are left then)',
  })
  clearedAt!: string | null;
}

export class ChatBlockView extends BlockView {
  @ApiProperty({ description: 'The chat was ended (false: it had ended already)' })
  ended!: boolean;
}
