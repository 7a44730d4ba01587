import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';
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
}

export class SignInView {
  @ApiProperty({
    description: 'Send as "Authorization: Bearer <token>"; also authenticates the console socket',
  })
  accessToken!: string;

  @ApiProperty()
  expiresAt!: string;

  @ApiProperty({ type: VolunteerView })
  volunteer!: VolunteerView;
}
