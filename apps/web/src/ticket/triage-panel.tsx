import { Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SENTIMENTS, type OutputSource, type StaffTicketDetail, type StageResult } from '../api/api-types';
import { useFormat } from '../i18n/format';
import type { TicketChange } from '../shared/staff-api';
import { PriorityBadge, SentimentBadge } from '../shared/triage-badges';
import { useCategories } from '../shared/use-categories';
import { AiOutputLabel } from './ai-output-label';
import { type EscalationReason, escalationReasonText } from './escalation-reason-text';
import { categoryExplanationTexts, type PriorityExplanation, priorityReasonTexts } from './triage-explanation-text';

interface TriagePanelProps {
  ticket: StaffTicketDetail;
  onChange: (change: Omit<TicketChange, 'version'>) => void;
}

const reasonsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((reason): reason is string => typeof reason === 'string') : []);

const escalationReasonsOf = (value: unknown): EscalationReason[] => (Array.isArray(value) ? value : []);

function Explanation({ items }: { items: string[] }) {
  return items.length > 0 ? (
    <List size="xs" spacing={0}>
      {items.slice(0, 5).map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  ) : null;
}

interface CorrectableLabelProps {
  label: string;
  options: { value: string; label: string }[];
  value: string | null;
  result: StageResult;
  onCorrect: (value: string) => void;
}

/** A label the machine chose, with its confidence and source, that an agent can correct (which also teaches the model). */
function CorrectableLabel({ label, options, value, result, onCorrect }: CorrectableLabelProps) {
  return (
    <Group justify="space-between" align="flex-end">
      <Select label={label} size="xs" w={190} allowDeselect={false} data={options} value={value} onChange={(picked) => picked && picked !== value && onCorrect(picked)} />
      <AiOutputLabel confidence={result.confidence} source={result.source} />
    </Group>
  );
}

/** Every triage result with its confidence, source and why; category and sentiment can be corrected here. */
export function TriagePanel({ ticket, onChange }: TriagePanelProps) {
  const { t } = useTranslation('ticket');
  const format = useFormat();
  const categories = useCategories();
  const { categorization, sentiment, escalation } = ticket.results;
  const priority = categorization?.priority as (StageResult & PriorityExplanation) | undefined;
  const language = sentiment?.language as { code?: string; confidence?: number; source?: OutputSource } | undefined;
  return (
    <Card withBorder component="section" aria-labelledby="triage-title">
      <Title order={2} size="h4" id="triage-title" mb="xs">
        {t('triage.title')}
      </Title>
      {!categorization && <Text size="sm">{t('triage.pending')}</Text>}
      <Stack gap="sm">
        {categorization && (
          <div>
            <CorrectableLabel label={t('triage.category')} options={categories.options} value={ticket.category} result={categorization} onCorrect={(category) => onChange({ category })} />
            {ticket.categoryConfirmedBy && (
              <Text size="xs" c="dark.4">
                {t('triage.confirmedBy', { name: ticket.categoryConfirmedBy })}
              </Text>
            )}
            <Explanation items={categoryExplanationTexts(categorization, t, format, categories.nameOf)} />
          </div>
        )}
        {priority && (
          <div>
            <Group justify="space-between">
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t('triage.priority')}
                </Text>
                <PriorityBadge priority={ticket.priority} />
              </Group>
              <AiOutputLabel confidence={priority.confidence} source={priority.source} />
            </Group>
            <Explanation items={priorityReasonTexts(priority, t)} />
          </div>
        )}
        {sentiment && (
          <div>
            <CorrectableLabel
              label={t('triage.sentiment')}
              options={SENTIMENTS.map((label) => ({ value: label, label: t(`common:sentiment.${label}`) }))}
              value={ticket.sentimentLabel}
              result={sentiment}
              onCorrect={(label) => onChange({ sentiment: label })}
            />
            <Group gap="xs" mt={4}>
              <SentimentBadge sentiment={ticket.sentimentLabel} />
              <Text size="xs">{t('triage.score', { score: typeof ticket.sentimentScore === 'number' ? format.score(ticket.sentimentScore) : '–' })}</Text>
            </Group>
            <Explanation items={reasonsOf(sentiment.explanation ?? sentiment.cues)} />
          </div>
        )}
        {language?.code && (
          <Group justify="space-between">
            <Text size="sm">
              <b>{t('triage.language')}</b> {language.code}
            </Text>
            <AiOutputLabel confidence={language.confidence} source={language.source} />
          </Group>
        )}
        {escalation && (
          <div>
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {escalation.escalate ? t('triage.escalated', { level: String(escalation.level ?? '') }) : t('triage.notEscalated')}
              </Text>
              <AiOutputLabel confidence={escalation.confidence} source={escalation.source} />
            </Group>
            <Explanation items={escalationReasonsOf(escalation.reasons).map((reason) => escalationReasonText(reason, t, format))} />
          </div>
        )}
      </Stack>
    </Card>
  );
}
