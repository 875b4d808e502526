import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/index';
import type { DryRunResult } from '../config-types';
import { DryRunVerdict, dryRunRequest } from './dry-run-panel';
import { actionsSummary, conditionSummary } from './rule-summary';
import { definitionOf, EMPTY_SIMPLE_RULE, simpleRuleOf } from './simple-rule';

describe('the rule form and its summaries', () => {
  afterEach(() => {
    cleanup();
    setLocale('en');
  });

  it('writes one condition and the chosen actions as the API takes them, and reads them back', () => {
    const form = { ...EMPTY_SIMPLE_RULE, value: 'urgent', priority: 'high', tags: 'Escalated, vip', stop: true };
    const definition = definitionOf(form);
    expect(definition).toEqual({
      when: { field: 'subject', op: 'contains', value: 'urgent' },
      then: [{ type: 'setPriority', priority: 'high' }, { type: 'addTags', tags: ['escalated', 'vip'] }, { type: 'stop' }],
    });
    // As the database hands it back: keys in another order.
    expect(simpleRuleOf({ op: 'contains', value: 'urgent', field: 'subject' }, [{ priority: 'high', type: 'setPriority' }, { tags: ['escalated', 'vip'], type: 'addTags' }, { type: 'stop' }])).toEqual({ ...form, tags: 'escalated, vip' });
  });

  it('leaves a rule the form cannot say to the JSON editor', () => {
    expect(simpleRuleOf({ any: [{ field: 'subject', op: 'contains', value: 'a' }] }, [])).toBeNull();
    expect(simpleRuleOf({ field: 'subject', op: 'contains', value: 'a' }, [{ type: 'assign', userId: 'u' }])).toBeNull();
    // Stop before a priority: the form would move it last and change what the rule does.
    expect(simpleRuleOf({ field: 'subject', op: 'contains', value: 'a' }, [{ type: 'stop' }, { type: 'setPriority', priority: 'high' }])).toBeNull();
    expect(simpleRuleOf({ field: 'header:X-Priority', op: 'inList', value: ['1', '2'] }, [])).toMatchObject({ field: 'header', header: 'X-Priority', value: '1, 2' });
  });

  it('summarises nested conditions and actions in one line, joining words in the reader’s language', () => {
    const when = { any: [{ field: 'subject', op: 'regex', value: '\\bcourt\\b' }, { not: { field: 'senderDomain', op: 'inList', value: ['police.example'] } }] };
    expect(conditionSummary(when)).toBe('any of (subject regex "\\\\bcourt\\\\b"; not (senderDomain inList ["police.example"]))');
    expect(actionsSummary([{ type: 'setQueue', queueSlug: 'legal' }, { type: 'addTags', tags: ['a', 'b'] }, { type: 'stop' }])).toBe('setQueue legal, addTags a b, stop');
    setLocale('de');
    expect(conditionSummary({ all: [] })).toBe('immer');
  });

  it('sends a pasted mail with CRLF line ends, or the stored message when its id is given, and the editor’s rule alone when asked', () => {
    expect(dryRunRequest('Subject: x\n\nbody', '')).toEqual({ mime: 'Subject: x\r\n\r\nbody' });
    expect(dryRunRequest('ignored', ' 6f1c0e2a-0000-4000-8000-000000000000 ')).toEqual({ rawMessageId: '6f1c0e2a-0000-4000-8000-000000000000' });
    const draft = { id: 'draft', name: 'Unsaved rule', enabled: true as const, when: { field: 'subject', op: 'contains', value: 'x' }, then: [] };
    expect(dryRunRequest('Subject: x', '', draft)).toEqual({ mime: 'Subject: x', rules: [draft] });
  });

  it('shows the dry run’s matches and decision as text', () => {
    const result: DryRunResult = {
      ruleSet: 'stored',
      enabledRules: 2,
      mail: { from: 'rita@example.org', to: ['safety@casework.test'], cc: [], subject: 'urgent: help', language: 'en', attachmentTypes: [], triageCategories: [] },
      matched: [{ ruleId: 'r1', name: 'Urgent is high', actions: [{ type: 'setPriority', priority: 'high' }, { type: 'stop' }] }],
      outcome: { queue: null, priority: 'high', tags: [], assigneeId: null, suppressAcknowledgement: false, spam: false, stoppedAt: 'r1' },
      skipped: [],
    };
    render(<DryRunVerdict result={result} />);
    const region = screen.getByRole('region', { name: 'Dry-run result' });
    expect(region.textContent).toContain('Urgent is high — setPriority high, stop');
    expect(screen.getByText('Priority').nextElementSibling?.textContent).toBe('high');
    expect(screen.getByText('Stopped at').nextElementSibling?.textContent).toBe('Urgent is high');
    expect(screen.getByText('Queue').nextElementSibling?.textContent).toBe('the queue of the address');
  });
});
