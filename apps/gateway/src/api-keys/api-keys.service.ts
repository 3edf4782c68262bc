import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiKeyEntity, AuditActor, transactionAs, UserEntity } from '@smartdesk/database';
import { newApiKey } from '../auth/api-key-secret';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@Injectable()
export class ApiKeysService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'DESC' } });
  }

  /** The only time the key itself is returned: it is not stored, only its hash. */
  create(actor: AuditActor, dto: CreateApiKeyDto): Promise<ApiKeyEntity & { key: string }> {
    return transactionAs(this.dataSource, actor, async (manager) => {
      const owner = await manager.findOneBy(UserEntity, { id: dto.userId });
      if (!owner?.active) throw new UnprocessableEntityException(`user ${dto.userId} does not exist or is inactive`);
      const { key, prefix, hash } = newApiKey();
      const limits = { scopes: dto.scopes ?? null, expiresAt: dto.expiresAt ?? null, requestsPerMinute: dto.requestsPerMinute ?? null };
      const inserted = await manager.insert(ApiKeyEntity, { name: dto.name, userId: owner.id, prefix, keyHash: hash, ...limits });
      return { ...(await manager.findOneByOrFail(ApiKeyEntity, { id: inserted.identifiers[0].id })), key };
    });
  }

  revoke(actor: AuditActor, id: string): Promise<ApiKeyEntity> {
    return transactionAs(this.dataSource, actor, async (manager) => {
      const apiKey = await manager.findOne(ApiKeyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!apiKey) throw new NotFoundException(`API key ${id} not found`);
      if (apiKey.revokedAt) throw new ConflictException(`API key ${id} was already revoked at ${apiKey.revokedAt.toISOString()}`);
      await manager.update(ApiKeyEntity, { id }, { revokedAt: () => 'now()' });
      return manager.findOneByOrFail(ApiKeyEntity, { id });
    });
  }
}
