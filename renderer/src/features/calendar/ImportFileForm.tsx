// The frame both imports share: the file (picked in a browser, a path in the desktop app), the button that
// previews it, its preview, then Import and Cancel; errors in the app's own words.
import { Alert, Button, Group, Input, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { FileImportMethod, useFileImport } from './file-import.js';

export function ImportFileForm<M extends FileImportMethod>(props: {
  title: string;
  fileLabel: string;
  accept: string;
  previewLabel: string;
  applyLabel: string;
  state: ReturnType<typeof useFileImport<M>>;
  /** The report: the preview's, then, once applied, what was done. */
  children: ReactNode;
  /** The notice once applied. */
  applied: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const pickerId = useId();
  const { state } = props;
  const { preview, apply, pick } = state;
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-labelledby={titleId}
      onSubmit={(e: React.FormEvent) => (e.preventDefault(), apply.reset(), preview.mutate())}
    >
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {props.title}
      </Title>
      <Stack gap="sm">
        {pick && (
          <Input.Wrapper label={props.fileLabel} required labelProps={{ htmlFor: pickerId }}>
            <input
              id={pickerId}
              type="file"
              accept={props.accept}
              required
              onChange={(e) => pick(e.currentTarget.files?.[0] ?? null)}
            />
          </Input.Wrapper>
        )}
        {state.path !== null && (
          <TextInput
            label={props.fileLabel}
            description={t('book.fileHint')}
            value={state.path}
            required
            onChange={(e) => state.setPath(e.currentTarget.value)}
          />
        )}
        <Button type="submit" variant="default" loading={preview.isPending} w="fit-content">
          {props.previewLabel}
        </Button>
        {preview.error && <ErrorMessage error={preview.error} />}
        {preview.data && props.children}
        {preview.data && !apply.data && (
          <Group gap="sm">
            <Button onClick={() => apply.mutate()} loading={apply.isPending}>
              {props.applyLabel}
            </Button>
            <Button variant="default" onClick={state.discard} disabled={apply.isPending}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
        {apply.error && <ErrorMessage error={apply.error} />}
        {apply.data && (
          <Alert color="teal" role="status">
            {props.applied}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
