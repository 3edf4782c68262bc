import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIntColumn } from '../../common/int-column';
import { IsNotBlank } from '../../common/validation-rules';

export class ResolveTicketDto {
  @ApiProperty({ example: 'Refund issued for the duplicate charge; it shows in 5-10 business days.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(20_000)
  resolution: string;

  @ApiPropertyOptional({ description: "Confirm or correct the category while resolving (a taxonomy id, or 'other'): the ticket becomes training data" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional({ description: 'The version the agent saw; a ticket changed since then is not resolved (409)', minimum: 1 })
  @IsOptional()
  @IsIntColumn()
  version?: number;
}
