import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Queue } from '../../api/types';

/** Everything the template pages cache, under one prefix: a save refreshes the list, the template and its versions. */
export const TEMPLATES_KEY = ['admin', 'templates'] as const;
export const templateKey = (id: string) => [...TEMPLATES_KEY, 'one', id] as const;

/** The queues (the queue nav's cache), and their names by id for an override's queue. */
export function useQueues() {
  const queues = useQuery({ queryKey: ['queues'], queryFn: () => api<{ items: Queue[] }>('/queues') });
  const items = queues.data?.items ?? [];
  return { items, nameOf: (id: string) => items.find((queue) => queue.id === id)?.name ?? id };
}
