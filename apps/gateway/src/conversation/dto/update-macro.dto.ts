import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank, IsOmittable } from '../../common/validation-rules';

export class UpdateMacroDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 20_000 })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(20_000)
  body?: string;
}
