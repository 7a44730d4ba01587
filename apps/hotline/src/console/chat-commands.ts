import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsString,
  IsUUID,
  ValidateNested,
  ValidateIf,
} from 'class-validator';
import { ContactFieldsDto } from '../contacts/dto/contact.dto';

export class ChatCommand {
  @IsUUID('all', { message: 'chatId must be a chat id' })
  chatId!: string;
}

export class ChatSendCommand extends ChatCommand {
  // Its emptiness and length are the conversation's to judge (`empty`, `too_long`).
  @IsString({ message: 'text must be the message' })
  text!: string;
}

export class ChatTypingCommand extends ChatCommand {
  @IsBoolean({ message: 'typing must be true or false' })
  typing!: boolean;
}

export class ChatColleague {
  @IsUUID('all', { message: 'to.volunteerId must be a volunteer id' })
  volunteerId!: string;
}

export class ChatTransferCommand extends ChatCommand {
  /** `'queue'`, or `{ volunteerId }` of a colleague. */
  @IsDefined({ message: "to is required: 'queue' or { volunteerId }" })
  @ValidateIf((command: ChatTransferCommand) => command.to !== 'queue')
  @ValidateNested()
  @Type(() => ChatColleague)
  to!: ChatColleague | 'queue';
}

export class ChatWrapUpCommand extends ChatCommand {
  /** The same fields as POST /api/chats/:id/wrap-up. */
  @IsDefined({ message: 'contact is required: primaryTopic, riskLevel and outcome at least' })
  @ValidateNested()
  @Type(() => ContactFieldsDto)
  contact!: ContactFieldsDto;
}
