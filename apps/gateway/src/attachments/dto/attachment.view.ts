import { ApiProperty } from '@nestjs/swagger';

class AttachmentLinks {
  @ApiProperty({ example: '/api/attachments/8f1c2e9a-4b7d-4c1e-9a55-0d6f1b2c3d4e' })
  download: string;
}

/** An attachment as the API shows it (the response schema for the web app). */
export class AttachmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  ticketId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The message it came with; null when attached to the ticket' })
  messageId: string | null;

  @ApiProperty({ example: 'receipt.pdf' })
  filename: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType: string;

  @ApiProperty({ description: 'Bytes' })
  size: number;

  @ApiProperty({ description: 'SHA-256 of the bytes, hex' })
  sha256: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: AttachmentLinks })
  links: AttachmentLinks;
}
