import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Min } from 'class-validator';

export class MergeTicketDto {
  @ApiProperty({ format: 'uuid', description: 'The ticket that keeps the conversation (this one is closed and points to it)' })
  @IsUUID('4')
  targetId: string;

  @ApiProperty({ minimum: 1, description: "This ticket's version as read (409 when it has changed since)" })
  @IsInt()
  @Min(1)
  version: number;
}

export class UnmergeTicketDto {
  @ApiProperty({ minimum: 1, description: "The merged ticket's version as read (409 when it has changed since)" })
  @IsInt()
  @Min(1)
  version: number;
}

export class LinkTicketDto {
  @ApiProperty({ format: 'uuid', description: 'The related ticket' })
  @IsUUID('4')
  relatedId: string;
}
