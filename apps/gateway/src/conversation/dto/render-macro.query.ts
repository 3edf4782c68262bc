import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class RenderMacroQuery {
  @ApiProperty({ format: 'uuid', description: 'The ticket whose customer, number, subject ... fill the placeholders' })
  @IsUUID()
  ticketId: string;
}
