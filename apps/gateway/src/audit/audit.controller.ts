import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Auth('admin')
  @ApiOperation({ summary: 'Every change, newest first: who, when, and the changed columns before and after' })
  @ApiOkResponse({ description: '{ items, total, page, pageSize }' })
  list(@Query() query: ListAuditQuery) {
    return this.audit.list(query);
  }
}
