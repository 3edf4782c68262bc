import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation-rules';
import { PLACEHOLDERS } from '../macro-template';

export class CreateMacroDto {
  @ApiProperty({ example: 'Refund issued', maxLength: 100 })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    example: 'Hi {{customer.firstName}}, we have refunded ticket #{{ticket.number}}. — {{agent.name}}',
    maxLength: 20_000,
    description: `Text with placeholders: ${PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}`,
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(20_000)
  body: string;
}
