import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor, TeamEntity, transactionAs, UserEntity } from '@smartdesk/database';
import { definedOnly } from '../common/defined-only';
import { Page } from '../common/page.query';
import { conflictOnUnique } from '../common/unique-violation';
import type { Principal } from '../auth/principal';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { PasswordHasher } from './password-hasher.service';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Admins list every account; a manager lists the accounts of their department's teams. */
  async list(principal: Principal, query: ListUsersQuery): Promise<Page<UserEntity>> {
    const builder = this.dataSource.getRepository(UserEntity).createQueryBuilder('u').orderBy('u.email');
    if (principal.role === 'manager') builder.andWhere('u.team_id IN (SELECT id FROM teams WHERE department = :department)', { department: principal.department });
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.teamId) builder.andWhere('u.team_id = :teamId', { teamId: query.teamId });
    const [items, total] = await builder.skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new NotFoundException(`user ${id} not found`);
    return user;
  }

  async create(actor: AuditActor, dto: CreateUserDto): Promise<UserEntity> {
    const passwordHash = dto.password === undefined ? null : await this.hasher.hash(dto.password);
    return transactionAs(this.dataSource, actor, async (manager) => {
      if (dto.teamId) await this.teamOrFail(manager, dto.teamId);
      const inserted = await manager
        .insert(UserEntity, { email: dto.email, name: dto.name, role: dto.role, teamId: dto.teamId ?? null, passwordHash })
        .catch(conflictOnUnique(`an account with email ${dto.email} already exists`));
      return manager.findOneByOrFail(UserEntity, { id: inserted.identifiers[0].id });
    });
  }

  async update(actor: AuditActor, id: string, dto: UpdateUserDto): Promise<UserEntity> {
    const passwordHash = dto.password === undefined ? undefined : await this.hasher.hash(dto.password);
    return transactionAs(this.dataSource, actor, async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException(`user ${id} not found`);
      if (dto.teamId) await this.teamOrFail(manager, dto.teamId);
      const losesAdmin = user.role === 'admin' && user.active && ((dto.role !== undefined && dto.role !== 'admin') || dto.active === false);
      if (losesAdmin) await this.keepOneAdmin(manager, id);
      const changes = definedOnly<UserEntity>({ name: dto.name, role: dto.role, teamId: dto.teamId, active: dto.active, passwordHash });
      if (Object.keys(changes).length > 0) await manager.update(UserEntity, { id }, changes);
      return manager.findOneByOrFail(UserEntity, { id });
    });
  }

  /** Demoting or deactivating the last active admin would lock everyone out of user management. */
  private async keepOneAdmin(manager: EntityManager, leavingId: string): Promise<void> {
    // Lock the other admins' rows so two concurrent demotions cannot both pass this check.
    const others: unknown[] = await manager.query(`SELECT id FROM users WHERE role = 'admin' AND active AND id <> $1 FOR UPDATE`, [leavingId]);
    if (others.length === 0) throw new ConflictException('this is the last active admin: make another admin first');
  }

  private async teamOrFail(manager: EntityManager, teamId: string): Promise<TeamEntity> {
    const team = await manager.findOneBy(TeamEntity, { id: teamId });
    if (!team) throw new UnprocessableEntityException(`team ${teamId} does not exist`);
    return team;
  }
}
