import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Volunteer } from '../volunteers/volunteer.entity';
import { EnrolmentAllowed, Public, SignedIn } from './access.decorators';
import { AuthService } from './auth.service';
import { LoginDto, SignInView } from './dto/login.dto';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; returns an access token' })
  @ApiOkResponse({ type: SignInView })
  @ApiUnauthorizedResponse({
    description:
      'Email or password is wrong; or a two-factor code is needed (reason "two_factor_code_needed"), or the code is wrong or used already',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; try again later' })
  login(@Body() dto: LoginDto, @Ip() address: string): Promise<SignInView> {
    return this.auth.signIn(dto.email, dto.password, address, dto.code);
  }

  @Post('sign-out')
  @EnrolmentAllowed()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Sign out everywhere: every access token you hold stops working, open consoles close',
  })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ description: 'No valid access token' })
  signOut(@SignedIn() volunteer: Volunteer): Promise<void> {
    return this.auth.signOut(volunteer);
  }
}
