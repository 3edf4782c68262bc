import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '@smartdesk/database';
import { maskSensitiveValues } from '@smartdesk/privacy';
import { Page } from '../common/page.query';
import { ListAuditQuery } from './dto/list-audit.query';

/**
 * Reads the audit log; entries are written by the database trigger (and reveals, by the tickets' sensitive endpoint).
 * Values are kept as they were and rendered masked: the log shows that a card number changed, not the number.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListAuditQuery): Promise<Page<AuditEntryEntity>> {
    const builder = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a').orderBy('a.id', 'DESC');
    if (query.entity) builder.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) builder.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    const [items, total] = await builder
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const masked = items.map((item) => ({ ...item, before: maskSensitiveValues(item.before), after: maskSensitiveValues(item.after) }));
    return { items: masked, total, page: query.page, pageSize: query.pageSize };
  }
}
