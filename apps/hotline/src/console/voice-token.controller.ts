import { ConflictException, Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import twilio from 'twilio';
import { SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { Environment } from '../config/environment';
import type { Volunteer } from '../volunteers/volunteer.entity';

class VoiceTokenView {
  @ApiProperty({ description: 'Twilio access token with a VoiceGrant for incoming calls' })
  token!: string;
  @ApiProperty({ description: 'The Client identity calls are dialled to' }) identity!: string;
  @ApiProperty() expiresAt!: string;
}

const TOKEN_SECONDS = 4 * 60 * 60;

/** The browser softphone's credentials: calls dialled to `<Client>identity</Client>` ring in the console. */
@ApiTags('console')
@SignedInRoutes()
@Controller('api/voice')
export class VoiceTokenController {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  @Get('token')
  @ApiOperation({ summary: 'An access token for the browser softphone (@twilio/voice-sdk)' })
  @ApiOkResponse({ type: VoiceTokenView })
  @ApiConflictResponse({ description: 'The softphone is not configured on this server' })
  token(@SignedIn() volunteer: Volunteer): VoiceTokenView {
    const accountSid = this.config.get('TWILIO_ACCOUNT_SID', { infer: true });
    const keySid = this.config.get('TWILIO_API_KEY_SID', { infer: true });
    const keySecret = this.config.get('TWILIO_API_KEY_SECRET', { infer: true });
    if (!accountSid || !keySid || !keySecret) {
      throw new ConflictException(
        'The browser softphone is off: it needs TWILIO_ACCOUNT_SID, TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET. Calls ring on your phone instead.',
      );
    }
    const token = new twilio.jwt.AccessToken(accountSid, keySid, keySecret, {
      identity: volunteer.softphoneIdentity,
      ttl: TOKEN_SECONDS,
    });
    token.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ incomingAllow: true }));
    return {
      token: token.toJwt(),
      identity: volunteer.softphoneIdentity,
      expiresAt: new Date(Date.now() + TOKEN_SECONDS * 1000).toISOString(),
    };
  }
}
