import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditActor, TeamEntity, transactionAs } from '@smartdesk/database';
import { definedOnly } from '../common/defined-only';
import { conflictOnUnique } from '../common/unique-violation';
import { CreateTeamDto } from './dto/create-team.dto';
import { UpdateTeamDto } from './dto/update-team.dto';

@Injectable()
export class TeamsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<TeamEntity[]> {
    return this.dataSource.getRepository(TeamEntity).find({ order: { department: 'ASC', name: 'ASC' } });
  }

  create(actor: AuditActor, dto: CreateTeamDto): Promise<TeamEntity> {
    return transactionAs(this.dataSource, actor, async (manager) => {
      const inserted = await manager.insert(TeamEntity, { name: dto.name, department: dto.department }).catch(conflictOnUnique(`a team named ${dto.name} already exists`));
      return manager.findOneByOrFail(TeamEntity, { id: inserted.identifiers[0].id });
    });
  }

  update(actor: AuditActor, id: string, dto: UpdateTeamDto): Promise<TeamEntity> {
    return transactionAs(this.dataSource, actor, async (manager) => {
      const team = await manager.findOneBy(TeamEntity, { id });
      if (!team) throw new NotFoundException(`team ${id} not found`);
      const changes = definedOnly({ name: dto.name, department: dto.department });
      if (Object.keys(changes).length === 0) return team;
      await manager.update(TeamEntity, { id }, changes).catch(conflictOnUnique(`a team named ${dto.name} already exists`));
      return manager.findOneByOrFail(TeamEntity, { id });
    });
  }
}
