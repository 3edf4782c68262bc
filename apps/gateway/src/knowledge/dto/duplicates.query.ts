import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { NEAR_DUPLICATE_THRESHOLD } from '@smartdesk/knowledge/authoring';

export class DuplicatesQuery {
  @ApiPropertyOptional({ description: 'Lowest title similarity reported (Jaccard of title terms)', default: NEAR_DUPLICATE_THRESHOLD, minimum: 0.1, maximum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0.1)
  @Max(1)
  threshold: number = NEAR_DUPLICATE_THRESHOLD;
}
