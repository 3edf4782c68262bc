import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MacroEntity, TicketEntity, transactionAs } from '@smartdesk/database';
import { maskSensitive, plainText } from '@smartdesk/privacy';
import { auditActor, Principal } from '../auth/principal';
import { definedOnly } from '../common/defined-only';
import { conflictOnUnique } from '../common/unique-violation';
import { invalidFields } from '../http-setup';
import { TicketChanges } from '../tickets/ticket-changes.service';
import { CreateMacroDto } from './dto/create-macro.dto';
import { UpdateMacroDto } from './dto/update-macro.dto';
import { MacroContext, PLACEHOLDERS, renderMacro, unknownPlaceholders } from './macro-template';

/** Canned responses: managers and admins write them, staff render them for a ticket they can see. */
@Injectable()
export class MacrosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TicketChanges,
  ) {}

  list(): Promise<MacroEntity[]> {
    return this.dataSource.getRepository(MacroEntity).find({ order: { name: 'ASC' } });
  }

  create(principal: Principal, dto: CreateMacroDto): Promise<MacroEntity> {
    refuseUnknownPlaceholders(dto.body);
    return transactionAs(this.dataSource, auditActor(principal), async (manager) => {
      const inserted = await manager.insert(MacroEntity, { name: dto.name, body: dto.body, createdById: principal.userId }).catch(conflictOnUnique(`a macro named ${dto.name} already exists`));
      return manager.findOneByOrFail(MacroEntity, { id: inserted.identifiers[0].id });
    });
  }

  update(principal: Principal, id: string, dto: UpdateMacroDto): Promise<MacroEntity> {
    if (dto.body !== undefined) refuseUnknownPlaceholders(dto.body);
    return transactionAs(this.dataSource, auditActor(principal), async (manager) => {
      const macro = await this.macroOrFail(id);
      const changes = definedOnly<MacroEntity>({ name: dto.name, body: dto.body });
      if (Object.keys(changes).length === 0) return macro;
      await manager.update(MacroEntity, { id }, changes).catch(conflictOnUnique(`a macro named ${dto.name} already exists`));
      return manager.findOneByOrFail(MacroEntity, { id });
    });
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await transactionAs(this.dataSource, auditActor(principal), async (manager) => {
      const { affected } = await manager.delete(MacroEntity, { id });
      if (!affected) throw new NotFoundException(`macro ${id} not found`);
    });
  }

  /** The macro's text for one ticket; 404 for a ticket the caller may not see. */
  async render(principal: Principal, id: string, ticketId: string): Promise<{ macroId: string; ticketId: string; body: string }> {
    const macro = await this.macroOrFail(id);
    const ticket = await this.changes.findVisible(this.dataSource.manager, principal, ticketId);
    return { macroId: id, ticketId, body: renderMacro(macro.body, macroContext(ticket, principal)) };
  }

  private async macroOrFail(id: string): Promise<MacroEntity> {
    const macro = await this.dataSource.getRepository(MacroEntity).findOneBy({ id });
    if (!macro) throw new NotFoundException(`macro ${id} not found`);
    return macro;
  }
}

function refuseUnknownPlaceholders(body: string): void {
  const unknown = unknownPlaceholders(body);
  if (unknown.length === 0) return;
  throw invalidFields([{ field: 'body', problems: [`unknown placeholders ${unknown.map((name) => `{{${name}}}`).join(', ')}; known: ${PLACEHOLDERS.join(', ')}`] }]);
}

/** What the customer typed is filled in as plain text, with card data and credentials masked, like every machine-written reply. */
function macroContext(ticket: TicketEntity, agent: Principal): MacroContext {
  const customerName = plainText(ticket.customerName);
  return {
    'customer.name': customerName,
    'customer.firstName': customerName.trim().split(/\s+/)[0],
    'customer.email': ticket.customerEmail,
    'ticket.number': String(ticket.number),
    'ticket.subject': plainText(maskSensitive(ticket.subject)),
    'ticket.status': ticket.status,
    'ticket.category': ticket.category ?? '',
    'ticket.priority': ticket.priority ?? '',
    'agent.name': agent.name,
    'agent.email': agent.email,
  };
}
