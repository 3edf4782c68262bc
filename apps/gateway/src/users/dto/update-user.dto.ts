import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@smartdesk/database';
import { IsNotBlank, IsOmittable } from '../../common/validation-rules';
import { AgentSettingsDto } from './agent-settings.dto';

export class UpdateUserDto extends AgentSettingsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null takes the account out of its team' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({ description: 'false signs the account out everywhere: its tokens and API keys stop working' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: 10, maxLength: 200 })
  @IsOmittable()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;
}
