import { IsNotBlank } from './is-not-blank.decorator';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ResolveTicketDto {
  @ApiProperty({ example: 'Refund issued for the duplicate charge; it shows in 5-10 business days.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(20_000)
  resolution: string;

  @ApiProperty({ example: 'agent.maria@example.com', description: 'Who resolved it (until accounts arrive, the agent names themself)' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  resolvedBy: string;
}
