import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { SUGGESTION_OUTCOMES, SuggestionOutcome } from '@smartdesk/database';
import { IsNotBlank, IsOmittable } from '../../common/validation-rules';

export class SuggestionFeedbackDto {
  @ApiProperty({ enum: SUGGESTION_OUTCOMES, description: 'What the agent made of the suggested response' })
  @IsIn(SUGGESTION_OUTCOMES)
  outcome: SuggestionOutcome;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why, e.g. what was wrong with a rejected suggestion' })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason?: string;
}
