import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import { auditActor, Principal } from '../auth/principal';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('api-keys')
@Controller('api/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @Auth('admin')
  @ApiOperation({ summary: 'Every API key: name, owner, prefix, scopes, expiry, quota, last use, revocation (never the key)' })
  list() {
    return this.apiKeys.list();
  }

  @Post()
  @Auth('admin')
  @ApiOperation({ summary: 'Create an API key for an integration, optionally limited to scopes, an expiry and a quota; send it as the x-api-key header' })
  @ApiCreatedResponse({ description: 'The key, in `key`: shown this once, only its hash is stored' })
  @ApiUnprocessableEntityResponse({ description: 'userId names no active account' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto) {
    return this.apiKeys.create(auditActor(principal), dto);
  }

  @Delete(':id')
  @Auth('admin')
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  @ApiOkResponse({ description: 'The key with its revokedAt' })
  @ApiNotFoundResponse({ description: 'No such key' })
  @ApiConflictResponse({ description: 'Already revoked' })
  revoke(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.apiKeys.revoke(auditActor(principal), id);
  }
}
