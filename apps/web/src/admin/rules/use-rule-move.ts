import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import type { Rule } from '../config-types';
import { RULES_KEY } from './rule-editor';
import { planMove } from './rule-order';

export type Direction = 'up' | 'down';

/** Which button gets focus once the moved list is shown: the same one of the moved rule (its other one at an end). */
export interface MoveFocus {
  ruleId: string;
  direction: Direction;
}

/**
 * Moves a rule one place. The move is worked out on the rules as the server has them now, not as
 * the page last loaded them, and each PUT (which replaces a rule whole) sends the rule as just
 * read: another admin's edit meanwhile is neither undone nor moved around. The list then shows
 * the order the server answers, and a status line says where the rule now is.
 */
export function useRuleMove() {
  const client = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  // A ref, not state: taken once by the list when it shows the new order, so a later refresh does not pull focus back.
  const focusAfterMove = useRef<MoveFocus | null>(null);
  const move = useMutation({
    mutationFn: async ({ rule, direction }: { rule: Rule; direction: Direction }) => {
      const current = (await api<{ items: Rule[] }>('/rules')).items;
      const from = current.findIndex((each) => each.id === rule.id);
      if (from < 0) throw new Error(t('adminConfig.rules.moveGone', { name: rule.name }));
      for (const { rule: written, position } of planMove(current, from, direction === 'up' ? from - 1 : from + 1)) {
        await api(`/rules/${written.id}`, 'PUT', { name: written.name, enabled: written.enabled, when: written.when, then: written.then, position });
      }
      return api<{ items: Rule[] }>('/rules');
    },
    onMutate: () => setAnnouncement(''),
    onSuccess: (saved, { rule, direction }) => {
      const place = saved.items.findIndex((each) => each.id === rule.id);
      focusAfterMove.current = { ruleId: rule.id, direction };
      client.setQueryData(RULES_KEY, saved);
      if (place >= 0) setAnnouncement(t('adminConfig.rules.moved', { name: saved.items[place].name, place: place + 1, count: saved.items.length }));
    },
    // Refused part-way (a rule whose queue was deleted no longer passes its checks): show what was saved.
    onError: () => client.invalidateQueries({ queryKey: RULES_KEY }),
  });
  return { move, announcement, focusAfterMove };
}
