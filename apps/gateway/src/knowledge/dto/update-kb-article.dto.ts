import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString } from 'class-validator';
import { IsIntColumn } from '../../common/int-column';

/** A new version of an API article; fields left out keep their value. Content rules are checked as for an upload (422). */
export class UpdateKbArticleDto {
  @ApiProperty({ description: 'The version being edited: a stale one gives 409 with currentVersion', example: 1 })
  @IsIntColumn()
  version: number;

  @ApiPropertyOptional({ example: 'Charged twice for one order' })
  @IsOptional()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ description: 'Markdown', example: 'If you see two charges for one order, the second is usually a pending authorization...' })
  @IsOptional()
  @IsString()
  body?: string;

  @ApiPropertyOptional({ example: 'billing' })
  @IsOptional()
  @IsString()
  category?: string;

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @IsString()
  language?: string;

  @ApiPropertyOptional({ type: [String], example: ['refund'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];
}
