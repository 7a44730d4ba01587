import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
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
import { Trimmed } from '../../common/dto-fields';
import { PARTNER_KINDS, PartnerKind } from '../partner.entity';

export class CreatePartnerDto {
  @ApiProperty({ enum: PARTNER_KINDS })
  @IsIn(PARTNER_KINDS, { message: `kind must be one of ${PARTNER_KINDS.join(', ')}` })
  kind!: PartnerKind;

  @ApiProperty({ example: '市第七人民医院' })
  @Trimmed()
  @IsString({ message: 'name must be text' })
  @Length(2, 120, { message: 'name must be 2 to 120 characters' })
  name!: string;

  @ApiPropertyOptional({ example: '0571-85126525' })
  @IsOptional()
  @Trimmed()
  @Matches(/^\+?[0-9 ()-]{3,32}$/, {
    message: 'phone must be a telephone number (digits, spaces, +, -, parentheses)',
  })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'address must be text' })
  @MaxLength(200, { message: 'address must be at most 200 characters' })
  address?: string;

  @ApiPropertyOptional({ description: 'Default: your first hotline' })
  @IsOptional()
  @IsUUID('all', { message: 'hotlineId must be a hotline id' })
  hotlineId?: string;
}

export class UpdatePartnerDto extends PartialType(CreatePartnerDto) {
  @ApiPropertyOptional({ description: 'False retires the partner from new referrals' })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class PartnerView {
  @ApiProperty() id!: string;
  @ApiProperty() hotlineId!: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind!: PartnerKind;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty() active!: boolean;
}
