import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One headline figure: its label, the value large, and what it is measured over. */
export function FigureCard({ label, value, detail }: { label: string; value: string; detail?: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={label}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.3}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Card>
  );
}
