import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Volunteer } from '../volunteers/volunteer.entity';
import { EnrolmentAllowed, SignedIn, SignedInRoutes } from './access.decorators';
import { AuthService } from './auth.service';
import { SignInView, TwoFactorCodeDto, TwoFactorEnrolmentView } from './dto/login.dto';
import { TwoFactorService } from './two-factor.service';

@ApiTags('me')
@SignedInRoutes()
@EnrolmentAllowed()
@Controller('api/me/two-factor')
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly auth: AuthService,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Start two-factor sign-in: a new TOTP secret for your authenticator app, in force once a first code confirms it',
  })
  @ApiCreatedResponse({ type: TwoFactorEnrolmentView })
  @ApiConflictResponse({ description: 'Two-factor sign-in is already on' })
  start(@SignedIn() actor: Volunteer): Promise<TwoFactorEnrolmentView> {
    return this.twoFactor.start(actor);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Confirm with the first code from your app: two-factor sign-in is on from now; returns a full access token',
  })
  @ApiOkResponse({ type: SignInView })
  @ApiUnauthorizedResponse({ description: 'The code is wrong, or used already' })
  @ApiConflictResponse({ description: 'Two-factor sign-in is already on' })
  async confirm(@SignedIn() actor: Volunteer, @Body() dto: TwoFactorCodeDto): Promise<SignInView> {
    await this.twoFactor.confirm(actor, dto.code);
    return this.auth.afterEnrolment(actor.id);
  }
}
