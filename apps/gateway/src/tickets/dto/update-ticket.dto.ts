import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsIntColumn } from '../../common/int-column';
import { PRIORITIES, Priority } from '@smartdesk/contracts';
import type { TicketStatus } from '@smartdesk/database';
import { SENTIMENT_LABELS, SentimentLabel } from '@smartdesk/nlp';
import { IsNotBlank, IsOmittable } from '../../common/validation-rules';

/** The statuses a person sets; new and triaged belong to the pipeline. */
export const SETTABLE_STATUSES: readonly TicketStatus[] = ['open', 'pending', 'resolved', 'closed'];

export class UpdateTicketDto {
  @ApiProperty({ minimum: 1, description: "The ticket's version when it was read; if it has changed since, nothing is changed (409)" })
  @IsIntColumn()
  version: number;

  @ApiPropertyOptional({ enum: SETTABLE_STATUSES, description: 'An invalid move gives 409 with the allowed ones' })
  @IsOmittable()
  @IsIn(SETTABLE_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ description: 'With status resolved: how it was solved' })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(20_000)
  resolution?: string;

  @ApiPropertyOptional({ description: "Confirm or correct the category (a taxonomy id, or 'other'); the ticket becomes training data for the categorizer" })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional({ enum: SENTIMENT_LABELS, description: 'Confirm or correct the sentiment; the ticket becomes training data for the sentiment model' })
  @IsOmittable()
  @IsIn(SENTIMENT_LABELS)
  sentiment?: SentimentLabel;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOmittable()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "Move to another team's queue (managers, admins); null: no team" })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Managers and admins assign anyone on staff; an agent may take a ticket or give it back' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;
}
