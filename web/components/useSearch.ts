// A list loaded from the API as the user types: waits a moment after each keystroke, ignores stale answers.
import { useEffect, useState } from 'react';
import { App } from 'antd';
import { api, ApiError } from '../api/client.ts';
import { useSession } from './session.tsx';

type Query = Record<string, string | number | boolean | undefined>;

/** `typing` is the search text: while it is non-empty requests wait 250 ms; `version` forces a reload. */
export function useSearch<T>(path: string, query: Query, typing: string, version = 0) {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(query);
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    const timer = setTimeout(async () => {
      try {
        const res = await api.get<{ items: T[] }>(path, JSON.parse(key) as Query);
        if (!cancelled) setItems(res.items);
      } catch (err) {
        if (!cancelled && err instanceof ApiError && err.status !== 401) message.error(err.message);
      } finally {
        if (!cancelled) setLoading(false);
      }
    }, typing ? 250 : 0);
    return () => { cancelled = true; clearTimeout(timer); };
  }, [path, key, typing, version, dataVersion, message]);
  return { items, loading };
}
