import { Stack } from '@mantine/core';
import { MODEL_TASKS } from '../admin-api';
import { ModelTaskPanel } from './model-task-panel';

export function ModelsPage() {
  return (
    <Stack>
      {MODEL_TASKS.map((task) => (
        <ModelTaskPanel key={task} task={task} />
      ))}
    </Stack>
  );
}
