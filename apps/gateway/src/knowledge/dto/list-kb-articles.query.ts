import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { KB_ARTICLE_SOURCES, KbArticleSource } from '@smartdesk/database';
import { PageQuery } from '../../common/page.query';

export class ListKbArticlesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'billing' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional({ example: 'es' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code' })
  language?: string;

  @ApiPropertyOptional({ enum: KB_ARTICLE_SOURCES })
  @IsOptional()
  @IsIn(KB_ARTICLE_SOURCES)
  source?: KbArticleSource;

  @ApiPropertyOptional({ description: 'Words in the title or the body (case-insensitive)', example: 'refund' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
