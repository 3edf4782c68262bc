import { Code, Text } from '@mantine/core';

/** The changed columns of one audit entry: `column: before → after` (an insert shows only after, a delete only before). */
export function AuditChanges({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const columns = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return (
    <Text size="xs" component="div">
      {columns.map((column) => (
        <div key={column}>
          <Code>{column}</Code>: {before && column in before && <>{show(before[column])} → </>}
          {after && column in after ? show(after[column]) : '∅'}
        </div>
      ))}
    </Text>
  );
}

const MAX = 80;

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}
