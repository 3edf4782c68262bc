import { Button, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface AssistButtonProps {
  label: string;
  llmMissing: boolean;
  loading: boolean;
  disabled?: boolean;
  onClick: () => void;
}

/** A button that asks the LLM for something; off, with the reason on hover and focus, when the gateway has none. */
export function AssistButton({ label, llmMissing, loading, disabled, onClick }: AssistButtonProps) {
  const { t } = useTranslation('ticket');
  return (
    <Tooltip label={t('assist.noLlm')} disabled={!llmMissing} multiline w={280} events={{ hover: true, focus: true, touch: true }}>
      {/* A disabled button gets no pointer or focus events: the wrapper carries the tooltip. */}
      <span tabIndex={llmMissing ? 0 : -1} style={{ alignSelf: 'flex-start' }}>
        <Button size="compact-sm" variant="light" color="grape" loading={loading} disabled={llmMissing || disabled} onClick={onClick}>
          {label}
        </Button>
      </span>
    </Tooltip>
  );
}
