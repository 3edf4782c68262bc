import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank, IsOmittable } from '../../common/validation-rules';
import { MachineTextView } from './machine-text.view';
import { IsLanguageCode } from './target-language';

/** Most messages translated by one request (each is one LLM call). */
export const MAX_TRANSLATED_MESSAGES = 50;

export class TranslateDto {
  @IsLanguageCode('The language to translate into: the agent’s for incoming messages, the customer’s for a reply draft')
  targetLanguage: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_TRANSLATED_MESSAGES,
    description: 'Messages of this ticket to translate (default: its opening subject and description and all its customer messages). Not with text',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TRANSLATED_MESSAGES)
  @IsUUID('4', { each: true })
  messageIds?: string[];

  @ApiPropertyOptional({ maxLength: 20_000, description: 'A reply draft to translate for the customer (not stored as a message). Not with messageIds' })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(20_000)
  text?: string;
}

/** What was translated: the ticket's subject and description as the customer opened it, one message, or a reply draft. */
export const TRANSLATED_TEXTS = ['opening', 'message', 'draft'] as const;
export type TranslatedText = (typeof TRANSLATED_TEXTS)[number];

export class TranslationView extends MachineTextView {
  @ApiProperty({ enum: TRANSLATED_TEXTS, description: 'opening: the subject and description the ticket was opened with; message: one message; draft: the reply draft sent as text' })
  of: TranslatedText;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The translated message; null for the opening and a reply draft' })
  messageId: string | null;
}

export class TranslationsView {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;

  @ApiProperty({ type: [TranslationView], description: 'In the order of the conversation, or the one reply draft' })
  translations: TranslationView[];
}
