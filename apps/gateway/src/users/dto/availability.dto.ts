import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class AvailabilityDto {
  @ApiProperty({ description: 'true: away (no new tickets; unfinished ones go back to the team queue); false: back' })
  @IsBoolean()
  away: boolean;
}
