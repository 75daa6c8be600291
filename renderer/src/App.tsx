// The current screen for the address in the URL fragment, inside the shell.
import { useTranslation } from 'react-i18next';
import { Shell } from './app/Shell.js';
import { useRoute, type Route } from './app/router.js';
import { NotAvailable } from './components/NotAvailable.js';
import { Home } from './features/home/Home.js';
import { MeetingPage } from './features/meetings/MeetingPage.js';
import { MeetingsList } from './features/meetings/MeetingsList.js';

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.section) {
    case 'home':
      return <Home />;
    case 'meetings':
      return route.id ? <MeetingPage id={route.id} tab={route.tab} /> : <MeetingsList />;
    default:
      return (
        <NotAvailable
          title={route.section === 'record' ? t(`kinds.${route.kind}`) : t(`nav.${route.section}`)}
        />
      );
  }
}

export function App() {
  const route = useRoute();
  return (
    <Shell>
      <Screen route={route} />
    </Shell>
  );
}
