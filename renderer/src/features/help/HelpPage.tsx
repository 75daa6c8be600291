// Help: every keyboard shortcut the app answers, and where the desktop menu adds its own.
import { Kbd, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** Keys, then what they do (an i18n key under help.shortcuts). */
const SHORTCUTS: { keys: string[]; action: string; desktopOnly?: boolean }[] = [
  { keys: [mod, 'K'], action: 'search' },
  { keys: [mod, 'L'], action: 'lock' },
  { keys: ['↑', '↓'], action: 'results' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['Esc'], action: 'close' },
  { keys: ['Tab'], action: 'move' },
  { keys: ['Enter'], action: 'saveLine' },
  { keys: [mod, 'Enter'], action: 'saveText' },
  { keys: [mod, 'B'], action: 'book', desktopOnly: true },
  { keys: [mod, 'P'], action: 'print', desktopOnly: true },
  { keys: [mod, 'E'], action: 'export', desktopOnly: true },
  { keys: [mod, 'I'], action: 'import', desktopOnly: true },
];

export function HelpPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('help.title')}>
      <Paper withBorder p="md" maw={720}>
        <Title order={2} size="h4" mb="sm">
          {t('help.shortcutsTitle')}
        </Title>
        <Table data-testid="shortcuts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('help.keys')}</Table.Th>
              <Table.Th scope="col">{t('help.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SHORTCUTS.map(({ keys, action, desktopOnly }) => (
              <Table.Tr key={action}>
                <Table.Td>
                  {keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ' + '}
                      <Kbd>{key}</Kbd>
                    </span>
                  ))}
                </Table.Td>
                <Table.Td>
                  {t(`help.shortcuts.${action}`)}
                  {desktopOnly && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      — {t('help.desktopOnly')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" mt="md">
          {t('help.autosave')}
        </Text>
      </Paper>
    </Page>
  );
}
