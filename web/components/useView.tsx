// A detail page's view: loaded from the API on opening and whenever the session's data changes, with the
// refusal (403) or absence (404) the page shows instead of itself, and a skeleton while it loads.
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { Skeleton } from 'antd';
import { api, ApiError } from '../api/client.ts';
import { ForbiddenResult, NotFoundResult } from './Results.tsx';
import { useSession } from './session.tsx';

export function useView<T>(path: string, rows = 12) {
  const { dataVersion } = useSession();
  const [view, setView] = useState<T | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    try {
      setView(await api.get<T>(path));
      setFailure(null);
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
    }
  }, [path, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { setView(null); void load(); }, [load]);
  /** What to render instead of the page while there is no view. */
  const placeholder: ReactElement | null = failure?.status === 403 ? <ForbiddenResult message={failure.message} />
    : failure ? <NotFoundResult message={failure.message} />
      : view === null ? <Skeleton active paragraph={{ rows }} /> : null;
  return { view, setView, load, placeholder };
}
