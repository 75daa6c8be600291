// The renderer's entry: Mantine (its CSS from the package; no injected <style> elements, which the CSP
// refuses), TanStack Query, i18next, then the app.
import '@mantine/core/styles.css';
import './styles.css';
import { createTheme, MantineProvider, Modal } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { api } from './api/client.js';
import { queryClient } from './api/queries.js';
import './i18n/index.js';

// The bridge's token is taken from the address before the hash router reads it.
api();

const theme = createTheme({
  components: {
    // Scroll locking injects a <style> element (refused by the CSP); the modal's overlay is enough.
    Modal: Modal.extend({ defaultProps: { lockScroll: false } }),
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
