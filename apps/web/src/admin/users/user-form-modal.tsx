import { Button, Group, Modal, NumberInput, PasswordInput, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { Role } from '../../api/api-types';
import { ApiErrorAlert } from '../api-error-alert';
import { useCategories } from '../../shared/use-categories';
import { ROLES, useTeams, type AdminUser } from '../admin-api';
import { useNotify } from '../use-notify';

interface Props {
  /** The account to edit; undefined: a new one. */
  user: AdminUser | undefined;
  onClose: () => void;
}

/** Create an account, or change its role, team, routing settings (skills, capacity) or a customer's tier. */
export function UserFormModal({ user, onClose }: Props) {
  const { t } = useTranslation('admin');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const categories = useCategories().categories.map((category) => category.id);
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'agent');
  const [teamId, setTeamId] = useState<string | null>(user?.teamId ?? null);
  const [password, setPassword] = useState('');
  const [skills, setSkills] = useState(user?.skills ?? []);
  const [capacity, setCapacity] = useState<number>(user?.capacity ?? 10);
  const [tier, setTier] = useState(user?.tier ?? 'standard');
  const isCustomer = role === 'customer';
  const save = useMutation({
    mutationFn: () => {
      const settings = isCustomer ? { tier } : { skills, capacity };
      const fields = { name, role, ...settings, ...(password ? { password } : {}) };
      return user
        ? api<AdminUser>(`/api/users/${user.id}`, { method: 'PATCH', body: { ...fields, teamId } })
        : api<AdminUser>('/api/users', { method: 'POST', body: { ...fields, email, ...(teamId ? { teamId } : {}) } });
    },
    onSuccess: (saved) => {
      notify.done(t(user ? 'users.updated' : 'users.created', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack component="form" onSubmit={submit}>
        <ApiErrorAlert error={save.error} />
        <TextInput label={t('users.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />
        <TextInput label={t('users.email')} type="email" required={!user} disabled={!!user} value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
        <Group grow>
          <Select
            label={t('users.role')}
            allowDeselect={false}
            data={ROLES.map((value) => ({ value, label: t(`roles.${value}`, { ns: 'common' }) }))}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
          />
          <Select label={t('users.team')} clearable data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} value={teamId} onChange={setTeamId} />
        </Group>
        {isCustomer ? (
          <TextInput label={t('users.tier')} description={t('users.tierHelp')} value={tier} onChange={(event) => setTier(event.currentTarget.value)} />
        ) : (
          <Group grow align="flex-start">
            <TagsInput label={t('users.skills')} description={t('users.skillsHelp')} data={categories} value={skills} onChange={setSkills} />
            <NumberInput
              label={t('users.capacity')}
              description={t('users.capacityHelp')}
              min={0}
              max={1000}
              allowDecimal={false}
              value={capacity}
              onChange={(value) => setCapacity(Number(value) || 0)}
            />
          </Group>
        )}
        <PasswordInput
          label={user ? t('users.newPassword') : t('users.password')}
          description={t('users.passwordHelp')}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {user ? t('save') : t('users.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
