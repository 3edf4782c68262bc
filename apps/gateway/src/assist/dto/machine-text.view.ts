import { ApiProperty } from '@nestjs/swagger';
import type { StoredMachineText } from '../machine-text.store';

/** Text an LLM wrote, marked as such wherever it is shown. */
export class MachineTextView {
  @ApiProperty({ description: 'What the model wrote' })
  text: string;

  @ApiProperty({ enum: [true], description: 'Always true: show it as machine-written' })
  machineWritten: true;

  @ApiProperty({ enum: ['llm'] })
  source: 'llm';

  @ApiProperty({ description: 'The model that wrote it (LLM_MODEL)', example: 'gpt-4o-mini' })
  model: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Always null: a chat model gives no calibrated confidence for a translation or summary' })
  confidence: null;

  @ApiProperty({ description: 'ISO 639-1 code of the language it is written in', example: 'en' })
  language: string;

  @ApiProperty({ description: 'True when it was read from the cache, not written by this request' })
  cached: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export function machineTextView(stored: StoredMachineText, model: string, language: string): MachineTextView {
  return { text: stored.body, machineWritten: true, source: 'llm', model, confidence: null, language, cached: stored.cached, createdAt: stored.createdAt };
}
