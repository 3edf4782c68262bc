import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class CategoriesQuery {
  @ApiPropertyOptional({ example: 'de', description: 'ISO 639-1 code of the language to name the categories in (default en)' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code such as en or de' })
  language?: string;
}

/** One category of the taxonomy (config/taxonomy.yml), named for people. */
export class CategoryView {
  @ApiProperty({ example: 'shipping', description: 'What tickets, filters and training data carry' })
  id: string;

  @ApiProperty({ example: 'Versand & Lieferung', description: 'The taxonomy’s name in the language asked for, else its English name, else the id made readable' })
  name: string;

  @ApiProperty({ example: 'de', description: 'The language the name is in' })
  language: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'], nullable: true, type: String, description: 'Feeds the ticket priority; null for the catch-all' })
  severity: string | null;

  @ApiProperty({ description: "True for the catch-all 'other': tickets no category fits, routed to a person" })
  outOfScope: boolean;
}
