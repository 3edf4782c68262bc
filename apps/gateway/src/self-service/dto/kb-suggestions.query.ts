import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '../../common/validation-rules';

export class KbSuggestionsQuery {
  @ApiProperty({ example: 'my parcel has not arrived', maxLength: 300, description: 'What the customer has typed so far (subject and description)' })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  q: string;

  @ApiPropertyOptional({ example: 'es', description: "The customer's language (ISO 639-1): its articles come first, English ones fill in" })
  @IsOptional()
  @Matches(/^[a-z]{2}$/)
  language?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, default: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  limit: number = 3;
}
