import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsNotBlank } from '../../common/validation-rules';

export const ASSISTANT_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja'] as const;

export class StartConversationDto {
  @ApiPropertyOptional({ enum: ASSISTANT_LANGUAGES, description: "The page's language: the assistant speaks it until the customer's own words say otherwise" })
  @IsOptional()
  @IsIn(ASSISTANT_LANGUAGES)
  language?: (typeof ASSISTANT_LANGUAGES)[number];
}

/** How an anonymous customer is reached when the assistant opens a ticket for them. */
export class ContactDto {
  @ApiProperty({ example: 'Ana García', maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'ana@example.com' })
  @IsEmail()
  @MaxLength(320)
  email: string;
}

export class AssistantMessageDto {
  @ApiProperty({ example: 'How do I reset my password?', maxLength: 2000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({ type: ContactDto, description: 'Needed from an anonymous customer once a ticket is to be opened' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiPropertyOptional({ example: '042917', description: "The one-time code mailed to a ticket's address, proving an anonymous caller's ticket is theirs" })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits from the email' })
  code?: string;
}
