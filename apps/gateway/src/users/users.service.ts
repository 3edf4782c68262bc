import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor, TeamEntity, transactionAs, UserEntity } from '@smartdesk/database';
import { Assignment, RoutingService } from '@smartdesk/operations';
import { definedOnly } from '../common/defined-only';
import { Page } from '../common/page.query';
import { conflictOnUnique } from '../common/unique-violation';
import { auditActor, Principal } from '../auth/principal';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { PasswordHasher } from '../auth/password-hasher.service';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly routing: RoutingService,
  ) {}

  /** Admins list every account; a manager lists the accounts of their department's teams. */
  async list(principal: Principal, query: ListUsersQuery): Promise<Page<UserEntity>> {
    const builder = this.dataSource.getRepository(UserEntity).createQueryBuilder('u').orderBy('u.email');
    if (principal.role === 'manager') builder.andWhere('u.team_id IN (SELECT id FROM teams WHERE department = :department)', { department: principal.department });
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.teamId) builder.andWhere('u.team_id = :teamId', { teamId: query.teamId });
    const [items, total] = await builder
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new NotFoundException(`user ${id} not found`);
    return user;
  }

  async create(actor: AuditActor, dto: CreateUserDto): Promise<UserEntity> {
    const passwordHash = dto.password === undefined ? null : await this.hasher.hash(dto.password);
    const user = await transactionAs(this.dataSource, actor, async (manager) => {
      if (dto.teamId) await this.teamOrFail(manager, dto.teamId);
      const settings = definedOnly<UserEntity>({ skills: dto.skills, capacity: dto.capacity, tier: dto.tier });
      const inserted = await manager
        .insert(UserEntity, { email: dto.email, name: dto.name, role: dto.role, teamId: dto.teamId ?? null, passwordHash, ...settings })
        .catch(conflictOnUnique(`an account with email ${dto.email} already exists`));
      return manager.findOneByOrFail(UserEntity, { id: inserted.identifiers[0].id });
    });
    await this.refill(user);
    return user;
  }

  async update(actor: AuditActor, id: string, dto: UpdateUserDto): Promise<UserEntity> {
    const passwordHash = dto.password === undefined ? undefined : await this.hasher.hash(dto.password);
    const { before, after } = await transactionAs(this.dataSource, actor, async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException(`user ${id} not found`);
      if (dto.teamId) await this.teamOrFail(manager, dto.teamId);
      const losesAdmin = user.role === 'admin' && user.active && ((dto.role !== undefined && dto.role !== 'admin') || dto.active === false);
      if (losesAdmin) await this.keepOneAdmin(manager, id);
      const changes = definedOnly<UserEntity>({
        name: dto.name,
        role: dto.role,
        teamId: dto.teamId,
        active: dto.active,
        passwordHash,
        skills: dto.skills,
        capacity: dto.capacity,
        tier: dto.tier,
      });
      if (Object.keys(changes).length > 0) await manager.update(UserEntity, { id }, changes);
      return { before: user, after: await manager.findOneByOrFail(UserEntity, { id }) };
    });
    // An agent who leaves their team, the agent role or the company gives their unfinished tickets back.
    const leaves = before.role === 'agent' && before.active && (!after.active || after.role !== 'agent' || after.teamId !== before.teamId);
    if (leaves) await this.routing.safely('release', () => this.routing.releaseAgent(id, `${before.email} left the team's rota`));
    await this.refill(after);
    return after;
  }

  /**
   * Marks a member of staff away (their unfinished tickets go back to the team queue and on to whoever has
   * room) or back (they take from the queue). Anyone for themselves; managers for their department; admins for all.
   */
  async setAvailability(principal: Principal, id: string, away: boolean): Promise<{ id: string; away: boolean; released: string[]; reassigned: Assignment[] }> {
    const [target]: { id: string; email: string; department: string | null }[] = await this.dataSource.query(
      `SELECT u.id, u.email, t.department FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.id = $1 AND u.role <> 'customer'`,
      [id],
    );
    if (!target) throw new NotFoundException(`no member of staff ${id}`);
    const allowed = principal.userId === id || principal.role === 'admin' || (principal.role === 'manager' && target.department !== null && target.department === principal.department);
    if (!allowed) throw new ForbiddenException("only the person themselves, their department's manager or an admin may change this");
    await transactionAs(this.dataSource, auditActor(principal), (manager) => manager.update(UserEntity, { id }, { away }));
    if (away) return { id, away, ...(await this.routing.releaseAgent(id, `${target.email} is away`)) };
    return { id, away, released: [], reassigned: await this.routing.drainTeamOf(id) };
  }

  /** An agent with room (new, back, more capacity or skills) takes from their team's queue. */
  private async refill(user: UserEntity): Promise<void> {
    if (user.role === 'agent' && user.active && !user.away && user.teamId) await this.routing.safely('refill', () => this.routing.drainTeam(user.teamId!));
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
