// A long list read a page at a time from a keyset-paged API ({ items, next }): the first page as the query
// changes (after a pause while the user types), the next ones when asked ("Xem thêm"); stale answers ignored.
import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { api, ApiError } from '../api/client.ts';
import { useSession } from './session.tsx';

type Query = Record<string, string | number | boolean | undefined>;
type Page<T> = { items: T[]; next: string | null };

/** `typing` is the search text: while it is non-empty the first request waits 250 ms; `version` forces a reload. */
export function usePages<T, P extends Page<T>>(path: string, query: Query | null, typing: string, version = 0) {
  const { message } = App.useApp();
  const { dataVersion } = useSession();
  const [items, setItems] = useState<T[] | null>(null);
  const [last, setLast] = useState<P | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // Each load bumps the generation; an answer of an older generation is dropped.
  const generation = useRef(0);
  const key = query && JSON.stringify(query);

  const fail = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.status !== 401) message.error(err.message);
  }, [message]);

  useEffect(() => {
    const gen = ++generation.current;
    setItems(null);
    if (!key) { setItems([]); setLast(null); return; }
    const timer = setTimeout(() => {
      api.get<P>(path, JSON.parse(key) as Query)
        .then((page) => { if (gen === generation.current) { setItems(page.items); setLast(page); } })
        .catch((err) => { if (gen === generation.current) { setItems([]); setLast(null); fail(err); } });
    }, typing ? 250 : 0);
    return () => clearTimeout(timer);
  }, [path, key, typing, version, dataVersion, fail]);

  const more = useCallback(async () => {
    if (!key || !last?.next) return;
    const gen = generation.current;
    setLoadingMore(true);
    try {
      const page = await api.get<P>(path, { ...(JSON.parse(key) as Query), after: last.next });
      if (gen === generation.current) { setItems((prev) => [...(prev ?? []), ...page.items]); setLast(page); }
    } catch (err) {
      fail(err);
    } finally {
      setLoadingMore(false);
    }
  }, [path, key, last, fail]);

  return { items, last, hasMore: !!last?.next, loadingMore, more };
}
