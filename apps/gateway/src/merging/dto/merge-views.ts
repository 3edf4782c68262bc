import { ApiProperty } from '@nestjs/swagger';

/** A ticket as its relations show it. */
export class TicketRefView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  number: number;

  @ApiProperty()
  subject: string;

  @ApiProperty({ enum: ['new', 'triaged', 'open', 'pending', 'resolved', 'closed'] })
  status: string;
}

class MergedTicketView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['new', 'triaged', 'open', 'pending', 'resolved', 'closed'] })
  status: string;

  @ApiProperty({ description: 'The new version, for the next change' })
  version: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  mergedIntoId: string | null;
}

class MergeTargetView {
  @ApiProperty({ format: 'uuid' })
  targetId: string;

  @ApiProperty()
  targetNumber: number;
}

export class MergeResultView {
  @ApiProperty({ type: MergedTicketView })
  ticket: MergedTicketView;

  @ApiProperty({ type: MergeTargetView })
  mergedInto: MergeTargetView;
}

export class UnmergeResultView {
  @ApiProperty({ type: MergedTicketView })
  ticket: MergedTicketView;
}

export class LinkResultView {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;

  @ApiProperty({ type: TicketRefView })
  related: TicketRefView;
}
