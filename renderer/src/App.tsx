// The current screen for the address in the URL fragment, inside the shell, once the store is open.
import { Shell } from './app/Shell.js';
import { useRoute, type Route } from './app/router.js';
import { Home } from './features/home/Home.js';
import { MeetingPage } from './features/meetings/MeetingPage.js';
import { MeetingsList } from './features/meetings/MeetingsList.js';
import { CommitmentsList, CounterpartsList, InitiativesList } from './features/records/RecordLists.js';
import { RecordPage } from './features/records/RecordPage.js';
import { HelpPage } from './features/help/HelpPage.js';
import { SettingsPage } from './features/settings/SettingsPage.js';
import { SyncPage } from './features/sync/SyncPage.js';
import { SessionGate } from './features/lock/SessionGate.js';

function Screen({ route }: { route: Route }) {
  switch (route.section) {
    case 'home':
      return <Home />;
    case 'meetings':
      return route.id ? <MeetingPage id={route.id} tab={route.tab} /> : <MeetingsList />;
    case 'initiatives':
      return <InitiativesList />;
    case 'counterparts':
      return <CounterpartsList />;
    case 'commitments':
      return <CommitmentsList />;
    case 'record':
      return <RecordPage kind={route.kind} id={route.id} />;
    case 'sync':
      return <SyncPage />;
    case 'settings':
      return <SettingsPage />;
    case 'help':
      return <HelpPage />;
  }
}

export function App() {
  return (
    <SessionGate>
      <OpenApp />
    </SessionGate>
  );
}

function OpenApp() {
  const route = useRoute();
  return (
    <Shell>
      <Screen route={route} />
    </Shell>
  );
}
