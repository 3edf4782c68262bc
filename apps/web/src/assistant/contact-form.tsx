import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from './assistant-api';

/** Name and email of an anonymous customer, asked once before the assistant opens a ticket for them. */
export function ContactForm({ onSubmit, onCancel, busy }: { onSubmit: (contact: Contact) => void; onCancel: () => void; busy: boolean }) {
  const { t } = useTranslation('assistant');
  const [contact, setContact] = useState<Contact>({ name: '', email: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name: contact.name.trim(), email: contact.email.trim() });
  };
  return (
    <Paper withBorder p="sm">
      <Stack component="form" gap="xs" onSubmit={submit} aria-label={t('contact.label')}>
        <Text size="sm">{t('contact.intro')}</Text>
        <TextInput
          label={t('contact.name')}
          required
          maxLength={200}
          autoComplete="name"
          data-autofocus
          value={contact.name}
          onChange={(event) => setContact({ ...contact, name: event.currentTarget.value })}
        />
        <TextInput
          label={t('contact.email')}
          type="email"
          required
          maxLength={320}
          autoComplete="email"
          value={contact.email}
          onChange={(event) => setContact({ ...contact, email: event.currentTarget.value })}
        />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={busy}>
            {t('contact.submit')}
          </Button>
          <Button variant="default" size="xs" onClick={onCancel}>
            {t('contact.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
