// The window's frame: a top bar (name, demo marker, search, language, Lock) over a navigation column and the
// current screen. Laid out with plain CSS grid rather than Mantine's AppShell, whose media styles are an
// injected <style> element that the app's CSP (style-src 'self') refuses.
import { Badge, Button, Group, Kbd, NavLink, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fromBridgedError } from '../api/errors.js';
import { useAbout } from '../api/queries.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { UndoDelete } from '../components/UndoDelete.js';
import { lockNow } from '../features/lock/SessionGate.js';
import { SearchPalette } from '../features/search/SearchPalette.js';
import { setLanguage, type Language } from '../i18n/index.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { href, SECTIONS, useRoute, type Section } from './router.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const about = useAbout();
  const [searching, setSearching] = useState(false);
  useHotkeys([['mod+K', () => setSearching(true)]], []);

  if (about.error && fromBridgedError(about.error).code === 'E_UNAUTHORIZED') {
    return (
      <main className="locked">
        <ErrorMessage error={about.error} />
      </main>
    );
  }

  const current: Section | 'record' = route.section;
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skip')}
      </a>
      <header className="shell-header">
        <Group gap="sm" wrap="nowrap">
          <img src="./favicon.svg" alt="" width={24} height={24} />
          <Text fw={700} size="lg" component="span">
            {t('app.name')}
          </Text>
          {about.data?.demo && (
            <Tooltip label={t('app.demoHint')}>
              <Badge color="yellow" variant="filled" role="note" className="demo-badge" tabIndex={0}>
                {t('app.demo')}
                <span className="visually-hidden"> — {t('app.demoHint')}</span>
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Button
          variant="default"
          className="search-button"
          onClick={() => setSearching(true)}
          aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
          rightSection={<Kbd size="xs">{isMac ? '⌘ K' : 'Ctrl K'}</Kbd>}
        >
          {t('app.searchHint')}
        </Button>
        <Group gap="sm" wrap="nowrap">
          <SegmentedControl
            size="xs"
            aria-label={t('app.language')}
            value={i18n.language}
            onChange={(value) => setLanguage(value as Language)}
            data={[
              { value: 'es', label: 'Español' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Button
            variant="default"
            size="xs"
            onClick={() => void lockNow()}
            aria-keyshortcuts={isMac ? 'Meta+L' : 'Control+L'}
          >
            {t('app.lock')}
          </Button>
        </Group>
      </header>
      <nav className="shell-nav" aria-label={t('app.mainNav')}>
        {SECTIONS.map((section) => (
          <NavLink
            key={section}
            href={href({ section } as never)}
            label={t(`nav.${section}`)}
            active={current === section}
            aria-current={current === section ? 'page' : undefined}
            className="nav-link"
          />
        ))}
      </nav>
      <main id="main" className="shell-main" tabIndex={-1}>
        <UndoDelete />
        <ErrorBoundary resetKey={location.hash}>{children}</ErrorBoundary>
      </main>
      <SearchPalette opened={searching} onClose={() => setSearching(false)} />
    </div>
  );
}

function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
