import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled chart; `empty` replaces the chart with a line saying there is nothing to draw. */
export function ChartCard({ title, empty, emptyText, children }: { title: string; empty: boolean; emptyText: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text c="dimmed" size="sm">
          {emptyText}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}
