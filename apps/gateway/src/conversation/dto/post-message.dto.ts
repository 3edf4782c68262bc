import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsIntColumn } from '../../common/int-column';
import { IsNotBlank, IsOmittable } from '../../common/validation-rules';

/** Fields only staff may send: a customer's message is always a public customer message. */
export const STAFF_MESSAGE_FIELDS = ['internal', 'suggestionRevision', 'macroId'] as const;

export class PostMessageDto {
  @ApiProperty({ maxLength: 20_000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(20_000)
  body: string;

  @ApiPropertyOptional({ default: false, description: 'Staff: an internal note, never shown to the customer' })
  @IsOmittable()
  @IsBoolean()
  internal?: boolean;

  @ApiPropertyOptional({ minimum: 1, description: 'Staff: the suggested response revision this reply started from; recorded as accepted (sent unchanged) or edited' })
  @IsOmittable()
  @IsIntColumn()
  suggestionRevision?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff: the canned response this reply started from' })
  @IsOmittable()
  @IsUUID()
  macroId?: string;
}
