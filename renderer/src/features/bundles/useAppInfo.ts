import { useEffect, useState } from 'react';
import { host } from '../../host/hostClient.ts';

export interface AppIdentity {
  name: string;
  version: string;
}

/** The app's name and version for a bundle's manifest, asked of the host once per dialog (null until it answers). */
export function useAppIdentity(): AppIdentity | null {
  const [app, setApp] = useState<AppIdentity | null>(null);
  useEffect(() => {
    let live = true;
    void host.call('app.info', {}).then((info) => {
      if (live && info.ok) setApp({ name: info.value.name, version: info.value.version });
    });
    return () => {
      live = false;
    };
  }, []);
  return app;
}
