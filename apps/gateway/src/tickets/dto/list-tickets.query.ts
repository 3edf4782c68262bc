import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PRIORITIES } from '@smartdesk/contracts';
import { TICKET_STATUSES } from '@smartdesk/database';
import { PageQuery } from '../../common/page.query';

/** 'true' and 'false' in the query string as booleans; anything else is left for IsBoolean to refuse. */
const QueryBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export const SORTABLE = ['createdAt', 'updatedAt', 'number', 'priority'] as const;

export class ListTicketsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'shipping' })
  @IsOptional()
  @Matches(/^[a-z0-9_]+$/)
  category?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: string;

  @ApiPropertyOptional({ enum: ['negative', 'neutral', 'positive'] })
  @IsOptional()
  @IsIn(['negative', 'neutral', 'positive'])
  sentiment?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  escalated?: boolean;

  @ApiPropertyOptional({ example: 'es', description: 'ISO 639-1 code' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/)
  language?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A team's queue" })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only tickets breaching soon, i.e. with a running SLA clock past its at-risk point and not yet breached; false: only the others',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  slaAtRisk?: boolean;

  @ApiPropertyOptional({ description: 'Full-text search in subject and description' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: SORTABLE, default: 'createdAt' })
  @IsOptional()
  @IsIn(SORTABLE)
  sort: (typeof SORTABLE)[number] = 'createdAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';

  @ApiPropertyOptional({ description: 'The page after the one that returned this nextCursor (same filters and sort); instead of `page`' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}
