/** The placeholders a macro may use, each filled from the ticket, its customer or the agent replying. */
export const PLACEHOLDERS = [
  'customer.name',
  'customer.firstName',
  'customer.email',
  'ticket.number',
  'ticket.subject',
  'ticket.status',
  'ticket.category',
  'ticket.priority',
  'agent.name',
  'agent.email',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type MacroContext = Record<Placeholder, string>;

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Every distinct name used as {{name}}, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** Names a template uses that no ticket can fill (refused when the macro is saved, not when it is used). */
export function unknownPlaceholders(template: string): string[] {
  return placeholdersIn(template).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

export function renderMacro(template: string, context: MacroContext): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in context ? context[name as Placeholder] : whole));
}
