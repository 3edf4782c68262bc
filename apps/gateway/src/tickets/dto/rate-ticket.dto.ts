import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank, IsOmittable } from '../../common/validation-rules';

export class RateTicketDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 very unsatisfied … 5 very satisfied' })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  comment?: string;
}
