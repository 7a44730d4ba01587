import { IsBoolean, IsDefined, IsIn, IsUUID, ValidateNested, validate } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { BadRequestException, HttpException } from '@nestjs/common';
import { validationMessages } from '../common/validation';
import { ContactFieldsDto } from '../contacts/dto/contact.dto';

export class PresenceCommand {
  @IsIn(['available', 'break', 'offline'], {
    message: 'state must be one of available, break, offline',
  })
  state!: 'available' | 'break' | 'offline';
}

export class OfferCommand {
  @IsUUID('all', { message: 'offerId must be an offer id' })
  offerId!: string;
}

export class WrapUpCommand {
  @IsUUID('all', { message: 'callId must be a call id' })
  callId!: string;

  /** The same fields as POST /api/calls/:id/wrap-up. */
  @IsDefined({ message: 'contact is required: primaryTopic, riskLevel and outcome at least' })
  @ValidateNested()
  @Type(() => ContactFieldsDto)
  contact!: ContactFieldsDto;
}

export class ReofferCommand {
  @IsUUID('all', { message: 'callId must be a call id' })
  callId!: string;

  @IsUUID('all', { message: 'volunteerId must be a volunteer id' })
  volunteerId!: string;
}

export class MoveVolunteerCommand {
  @IsUUID('all', { message: 'volunteerId must be a volunteer id' })
  volunteerId!: string;

  @IsIn(['available', 'break', 'offline'], { message: 'state must be available, break or offline' })
  state!: 'available' | 'break' | 'offline';
}

export class SoftphoneCommand {
  @IsBoolean({ message: 'registered must be true or false' })
  registered!: boolean;
}

export class CallCommand {
  @IsUUID('all', { message: 'callId must be a call id' })
  callId!: string;
}

export class AlertCommand {
  @IsUUID('all', { message: 'alertId must be an alert id' })
  alertId!: string;
}

/** Checks a socket command's payload as the HTTP API checks a body: 400-style messages. */
export async function parseCommand<T extends object>(
  kind: new () => T,
  payload: unknown,
): Promise<T> {
  const command = plainToInstance(kind, payload ?? {});
  const errors = await validate(command, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new BadRequestException(
      validationMessages(errors)
        .map(({ message }) => message)
        .join('; '),
    );
  }
  return command;
}

/** An error as a console shows it: an HTTP error's own message(s), else the error's. */
export function messageOf(error: unknown): string {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const message =
      typeof body === 'string' ? body : (body as { message?: string | string[] }).message;
    return Array.isArray(message) ? message.join('; ') : (message ?? error.message);
  }
  return error instanceof Error ? error.message : String(error);
}
