import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

/** The admin screens, each a link (not tabs: every screen has its own address to share and reload). */
export const ADMIN_SCREENS = ['users', 'teams', 'routing', 'api-keys', 'models', 'audit'] as const;

export function AdminLayout() {
  const { t } = useTranslation('admin');
  const { pathname } = useLocation();
  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Group component="nav" aria-label={t('sections')} gap="xs">
        {ADMIN_SCREENS.map((screen) => {
          const current = pathname.startsWith(`/admin/${screen}`);
          return (
            <Button key={screen} component={Link} to={`/admin/${screen}`} size="sm" variant={current ? 'filled' : 'light'} aria-current={current ? 'page' : undefined}>
              {t(`${screen}.title`)}
            </Button>
          );
        })}
      </Group>
      <Outlet />
    </Stack>
  );
}
