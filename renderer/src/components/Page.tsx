// A screen of the app: a section named by its title (the page's one h1) and, if the screen has one, what
// stands at the title's right (a count, an action).
import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Page({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  const heading = (
    <Title order={1} id="page-title" className="page-title">
      {title}
    </Title>
  );
  return (
    <section aria-labelledby="page-title">
      {aside ? (
        <Group justify="space-between" align="baseline">
          {heading}
          {aside}
        </Group>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
