import { Alert, Button, Card, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/api-client';
import { useSession } from './session-context';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email, password);
      navigate(from, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? t('signIn.wrongCredentials') : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder maw={420} mx="auto" mt="xl" p="lg" component="form" onSubmit={submit}>
      <Stack>
        <Title order={1} size="h2">
          {t('signIn.title')}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput label={t('signIn.email')} type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
        <PasswordInput label={t('signIn.password')} autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
        <Button type="submit" loading={busy}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
