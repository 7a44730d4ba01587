import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Length } from 'class-validator';
import { UNIT_KINDS, UNIT_ROLES, UnitKind, UnitRoleName } from '../unit.entity';

export class CreateUnitDto {
  @ApiProperty({ example: '杭州市' })
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS, { message: `kind must be one of ${UNIT_KINDS.join(', ')}` })
  kind!: UnitKind;

  @ApiProperty({ description: 'The unit it belongs under' })
  @IsUUID('all', { message: 'parentId must be a unit id' })
  parentId!: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS, { message: `kind must be one of ${UNIT_KINDS.join(', ')}` })
  kind?: UnitKind;

  @ApiPropertyOptional({ description: 'Move it, with everything below it, under this unit' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a unit id' })
  parentId?: string;
}

export class GrantUnitRoleDto {
  @ApiProperty()
  @IsUUID('all', { message: 'volunteerId must be a person id' })
  volunteerId!: string;

  @ApiProperty({ enum: UNIT_ROLES })
  @IsIn(UNIT_ROLES, { message: `role must be one of ${UNIT_ROLES.join(', ')}` })
  role!: UnitRoleName;
}

export class UnitHotlineView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class UnitGrantView {
  @ApiProperty() volunteerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_ROLES }) role!: UnitRoleName;
}

export class UnitView {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ type: [UnitHotlineView], description: 'Hotlines directly in this unit' })
  hotlines!: UnitHotlineView[];
  @ApiProperty({ type: [UnitGrantView], description: 'Roles given at this unit' })
  grants!: UnitGrantView[];
}
