import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

export class StatsQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Tickets created from this instant or date (inclusive); default 30 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Tickets created before this instant or date; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ example: 'Customer Care', description: "Admins: one department's teams only. Managers always get their own department" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string;
}
