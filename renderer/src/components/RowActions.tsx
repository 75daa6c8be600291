// Move up / move down / delete for an item of an ordered list, as labelled buttons (keyboard and screen
// reader friendly).
import { ActionIcon, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RowActions({
  name,
  onUp,
  onDown,
  onDelete,
}: {
  name: string;
  /** null: shown but disabled (first or last item). */
  onUp?: (() => void) | null;
  onDown?: (() => void) | null;
  onDelete?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap" className="row-actions">
      {onUp !== undefined && (
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`${t('common.moveUp')}: ${name}`}
          disabled={!onUp}
          onClick={onUp ?? undefined}
        >
          <span aria-hidden>↑</span>
        </ActionIcon>
      )}
      {onDown !== undefined && (
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`${t('common.moveDown')}: ${name}`}
          disabled={!onDown}
          onClick={onDown ?? undefined}
        >
          <span aria-hidden>↓</span>
        </ActionIcon>
      )}
      {onDelete && (
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`${t('common.delete')}: ${name}`}
          onClick={onDelete}
        >
          <span aria-hidden>✕</span>
        </ActionIcon>
      )}
    </Group>
  );
}
