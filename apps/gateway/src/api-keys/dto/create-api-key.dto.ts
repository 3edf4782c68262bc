import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation-rules';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Email channel integration', maxLength: 100 })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'The account the key acts as (its role decides what the key may do)' })
  @IsUUID()
  userId: string;
}
