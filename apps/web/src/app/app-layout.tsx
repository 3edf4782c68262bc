import { Anchor, AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session-context';
import { useLiveEvents } from '../live/use-live-events';
import { LanguageSwitcher } from './language-switcher';
import { linksFor } from './navigation';
import { RouteLoading } from './route-loading';

export function AppLayout() {
  const { t } = useTranslation();
  const { account, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  useLiveEvents(!!account);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Anchor component={Link} to="/" fw={700} size="lg" c="inherit" underline="never">
              Smartdesk
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            {account ? (
              <>
                <Text size="sm" visibleFrom="sm">
                  {t('signedInAs', { name: account.name, role: t(`roles.${account.role}`) })}
                </Text>
                <Button size="xs" variant="default" onClick={() => void signOut().then(() => navigate('/'))}>
                  {t('signOut')}
                </Button>
              </>
            ) : (
              <Button size="xs" component={Link} to="/sign-in">
                {t('signIn.title')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} component="nav">
        {linksFor(account?.role).map((link) => (
          <NavLink
            key={link.to}
            component={Link}
            to={link.to}
            label={t(link.label)}
            active={location.pathname === link.to || (link.to !== '/portal' && location.pathname.startsWith(`${link.to}/`))}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<RouteLoading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
