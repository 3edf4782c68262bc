import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { AgentSettingsDto } from './agent-settings.dto';
import { ROLES, Role } from '@smartdesk/database';
import { IsNotBlank, lowerCase } from '../../common/validation-rules';

export class CreateUserDto extends AgentSettingsDto {
  @ApiProperty({ example: 'maria@smartdesk.example' })
  @Transform(lowerCase)
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'María Ortega', maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ minLength: 10, maxLength: 200, description: 'Omit for an account that only uses API keys' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Agents work this team's queue; managers oversee its department" })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
