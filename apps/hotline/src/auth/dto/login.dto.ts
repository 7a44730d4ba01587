import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { VolunteerView } from '../../volunteers/dto/volunteer.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin@hotline.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @ApiProperty({ writeOnly: true })
  @IsString()
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({
    example: '123456',
    description:
      'The 6-digit code from your authenticator app, once two-factor sign-in is on for you',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator app shows' })
  code?: string;
}

export class SignInView {
  @ApiProperty({
    description: 'Send as "Authorization: Bearer <token>"; also authenticates the console socket',
  })
  accessToken!: string;

  @ApiProperty()
  expiresAt!: string;

  @ApiProperty({
    description:
      'True when your role must sign in with a two-factor code and you have not enrolled: the token only lets you enrol (POST /api/me/two-factor), see your profile and sign out',
  })
  twoFactorEnrolmentRequired!: boolean;

  @ApiProperty({ type: VolunteerView })
  volunteer!: VolunteerView;
}

export class TwoFactorCodeDto {
  @ApiProperty({ example: '123456', description: 'The 6-digit code your authenticator app shows' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator app shows' })
  code!: string;
}

export class TwoFactorEnrolmentView {
  @ApiProperty({
    example:
      'otpauth://totp/Hotline:wang%40hotline.example?secret=JBSWY3DPEHPK3PXP&issuer=Hotline&algorithm=SHA1&digits=6&period=30',
    description: 'For an authenticator app (usually shown as a QR code)',
  })
  otpauthUri!: string;

  @ApiProperty({
    example: 'JBSWY3DPEHPK3PXP',
    description: 'The same secret in base32, for typing into the app by hand',
  })
  secret!: string;
}
