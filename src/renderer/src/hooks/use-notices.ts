// App-wide notices ('notice' events, plus problems found by the window itself) shown as dismissible banners.
import { useCallback, useState } from 'react';
import type { EventChannels } from '../../../shared/ipc-contract';
import { useApiEvent } from './use-api-event';

export type NoticeInput = EventChannels['notice'];
export interface Notice extends NoticeInput {
  id: number;
}

let nextNoticeId = 1;

export function useNotices(): {
  notices: Notice[];
  push: (notice: NoticeInput) => void;
  dismiss: (id: number) => void;
} {
  const [notices, setNotices] = useState<Notice[]>([]);
  const push = useCallback((notice: NoticeInput) => {
    setNotices((list) => {
      // The same message twice (e.g. a repeated network warning) is one banner, not a stack.
      if (list.some((n) => n.message === notice.message && n.level === notice.level)) return list;
      return [...list, { ...notice, id: nextNoticeId++ }];
    });
  }, []);
  useApiEvent('notice', push);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  return { notices, push, dismiss };
}
