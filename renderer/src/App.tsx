// A first screen so the shell shows something real: the meetings in the store. The full UI (Mantine,
// i18n, every screen) comes in its own issue.
import { useEffect, useState } from 'react';
import type { Results } from '../../electron/api/contract.js';
import type { ValijaBridge } from '../../electron/api/progress.js';
import { fromBridgedError } from './api/errors.js';

type Meeting = Results['list'][number];

export function App({ api }: { api: ValijaBridge }) {
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [demo, setDemo] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api.list({ kind: 'meeting' }), api.about({})])
      .then(([list, about]) => {
        setMeetings(list);
        setDemo(about.demo);
      })
      .catch((failure: unknown) => {
        const { code, message } = fromBridgedError(failure);
        setError(`${message} (${code})`);
      });
  }, [api]);

  return (
    <main>
      <header className="app-header">
        <h1>Valija</h1>
        {demo && (
          <p className="demo-marker" role="note">
            Demo data — examples drawn from a public report, not a real record
          </p>
        )}
      </header>
      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">Meetings</h2>
        {error && <p role="alert">{error}</p>}
        {!error && meetings === null && <p>Loading…</p>}
        {meetings?.length === 0 && <p>No meetings yet.</p>}
        {meetings && meetings.length > 0 && (
          <ul className="meetings">
            {meetings.map((meeting) => (
              <li key={meeting.id}>
                <span className="meeting-title">{String(meeting.title ?? '')}</span>
                <span className="meeting-place">{String(meeting.place || '—')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
