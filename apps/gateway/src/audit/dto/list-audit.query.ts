import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/page.query';

/** The tables the audit trigger watches. */
export const AUDITED_ENTITIES = [
  'tickets',
  'ticket_messages',
  'ticket_ratings',
  'suggestion_feedback',
  'users',
  'teams',
  'routing_rules',
  'api_keys',
  'macros',
  'kb_article_versions',
  'trained_models',
] as const;

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDITED_ENTITIES })
  @IsOptional()
  @IsIn(AUDITED_ENTITIES)
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One row of that entity, e.g. a ticket id' })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Changes made by this account (also through its API keys)' })
  @IsOptional()
  @IsUUID()
  actorId?: string;
}
