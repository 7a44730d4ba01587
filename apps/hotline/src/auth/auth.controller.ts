import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from './access.decorators';
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
  @ApiUnauthorizedResponse({ description: 'Email or password is wrong' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; try again later' })
  login(@Body() dto: LoginDto, @Ip() address: string): Promise<SignInView> {
    return this.auth.signIn(dto.email, dto.password, address);
  }
}
