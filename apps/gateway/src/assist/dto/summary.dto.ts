import { ApiProperty } from '@nestjs/swagger';
import { MachineTextView } from './machine-text.view';
import { IsLanguageCode } from './target-language';

export class SummaryDto {
  @IsLanguageCode('The language the summary is written in (default en)', false)
  language?: string;
}

export class SummaryView extends MachineTextView {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;

  @ApiProperty({ description: 'How many messages of the thread it summarizes' })
  messageCount: number;

  @ApiProperty({ enum: [true], description: 'Always true: it may draw on internal notes, so it is for staff and never sent to the customer' })
  staffOnly: true;
}
