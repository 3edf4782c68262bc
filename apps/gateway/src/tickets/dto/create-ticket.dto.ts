import { IsNotBlank } from '../../common/validation-rules';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export const CHANNELS = ['web', 'email', 'chat', 'phone', 'api'] as const;

/**
 * Validation group of a signed-in customer, whose name and email come from the account: the controller
 * validates with it, or with SUBMITTER for everyone else (anonymous web forms, staff entering a ticket).
 */
export const SIGNED_IN_CUSTOMER = 'signed-in-customer';
export const SUBMITTER = 'submitter';

export class CreateTicketDto {
  @ApiProperty({ example: 'Ana García', maxLength: 200, description: "Not needed from a signed-in customer (the account's name is used)" })
  @IsOptional({ groups: [SIGNED_IN_CUSTOMER] })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  customerName: string;

  @ApiProperty({ example: 'ana@example.com', description: "Not needed from a signed-in customer (the account's email is used)" })
  @IsOptional({ groups: [SIGNED_IN_CUSTOMER] })
  @IsEmail()
  @MaxLength(320)
  customerEmail: string;

  @ApiProperty({ example: 'My parcel has not arrived', maxLength: 300 })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  subject: string;

  @ApiProperty({ example: 'Order 4411 was due on Monday and the tracking has not moved since.', maxLength: 20000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(20_000)
  description: string;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'web' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: (typeof CHANNELS)[number];

  @ApiPropertyOptional({
    description: 'Free-form context, e.g. {"orderId":"4411","language":"es"}. A `tier` sent here is ignored: it comes from the customer\'s account',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}
