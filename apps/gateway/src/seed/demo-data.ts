import type { Role } from '@smartdesk/database';

/** Demo teams: two in Customer Care, one in IT, so department visibility has something to show. */
export const DEMO_TEAMS = [
  { name: 'Orders & Shipping', department: 'Customer Care' },
  { name: 'Billing', department: 'Customer Care' },
  { name: 'IT Service Desk', department: 'IT' },
] as const;

export type DemoTeam = (typeof DEMO_TEAMS)[number]['name'];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  team?: DemoTeam;
}

/** One account per role, and enough agents and customers to see who sees what. */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@smartdesk.example', name: 'Ada Admin', role: 'admin' },
  { email: 'care.manager@smartdesk.example', name: 'Marta Manager', role: 'manager', team: 'Billing' },
  { email: 'it.manager@smartdesk.example', name: 'Ian Manager', role: 'manager', team: 'IT Service Desk' },
  { email: 'ana.agent@smartdesk.example', name: 'Ana Agent', role: 'agent', team: 'Orders & Shipping' },
  { email: 'ben.agent@smartdesk.example', name: 'Ben Agent', role: 'agent', team: 'Billing' },
  { email: 'chen.agent@smartdesk.example', name: 'Chen Agent', role: 'agent', team: 'IT Service Desk' },
  { email: 'jamie@example.com', name: 'Jamie Doe', role: 'customer' },
  { email: 'lucia@example.com', name: 'Lucía Pérez', role: 'customer' },
];

/** Which demo team's queue each category of triaged tickets goes to ('other' stays unrouted, for admins). */
export const DEMO_ROUTING: Record<string, DemoTeam> = {
  shipping: 'Orders & Shipping',
  orders: 'Orders & Shipping',
  returns_refunds: 'Orders & Shipping',
  product_inquiry: 'Orders & Shipping',
  billing: 'Billing',
  account_access: 'IT Service Desk',
  technical_issue: 'IT Service Desk',
  it_network: 'IT Service Desk',
  it_email: 'IT Service Desk',
  it_printer: 'IT Service Desk',
  it_hardware: 'IT Service Desk',
  it_software: 'IT Service Desk',
};

export const DEMO_MACROS = [
  {
    name: 'Refund issued',
    body: 'Hi {{customer.firstName}},\n\nWe have refunded the charge on ticket #{{ticket.number}}. It shows on your statement within 5-10 business days.\n\n{{agent.name}}',
  },
  {
    name: 'Need more details',
    body: 'Hi {{customer.firstName}},\n\nThanks for writing about "{{ticket.subject}}". Could you send us your order number and a screenshot of what you see? We will pick it up as soon as you reply.\n\n{{agent.name}}',
  },
] as const;
