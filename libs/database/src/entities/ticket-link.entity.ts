import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Two related tickets, stored once with the smaller id first. */
@Entity('ticket_links')
@Unique('uq_ticket_links', ['ticketId', 'relatedTicketId'])
export class TicketLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @Column({ name: 'related_ticket_id', type: 'uuid' })
  relatedTicketId: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
