import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsDate, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinDate } from 'class-validator';
import { IsNotBlank, IsOmittable } from '../../common/validation-rules';
import { API_KEY_SCOPES, ApiKeyScope } from '../api-key-scopes';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Email channel integration', maxLength: 100 })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'The account the key acts as (its role decides what the key may do)' })
  @IsUUID()
  userId: string;

  @ApiPropertyOptional({
    enum: API_KEY_SCOPES,
    isArray: true,
    example: ['tickets:read', 'tickets:write'],
    description: 'Limits the key to these areas of the API (read: GET; write: anything else), within what its account may do. Left out: no limit beyond the role',
  })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes?: ApiKeyScope[];

  @ApiPropertyOptional({ format: 'date-time', description: 'After this the key is refused (401). Left out: it does not expire' })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  @MinDate(() => new Date(), { message: 'expiresAt must be in the future' })
  expiresAt?: Date;

  @ApiPropertyOptional({ minimum: 1, maximum: 100_000, description: 'Requests per minute (more: 429). Left out: API_KEY_REQUESTS_PER_MINUTE' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(100_000)
  requestsPerMinute?: number;
}
