import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../config-types';
import { fakeApi, renderAt } from '../people-test-kit';
import { RulesPage } from '../rules-page';

const stored = (id: string, name: string, position: number): Rule => ({
  id,
  name,
  position,
  enabled: true,
  when: { field: 'subject', op: 'contains', value: name.toLowerCase() },
  then: [{ type: 'setPriority', priority: 'high' }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
});

/** A fake rules API that keeps what PUT writes and lists as the real one does: ascending position, ties by id. */
function rulesServer(rules: Rule[]) {
  const listed = () => ({ items: [...rules].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1)) });
  const calls = fakeApi(({ method, path, body }) => {
    if (method === 'GET' && path === '/rules') return { status: 200, body: listed() };
    const id = path.match(/^\/rules\/(.+)$/)?.[1];
    const at = rules.findIndex((rule) => rule.id === id);
    if (method === 'PUT' && at >= 0) {
      rules[at] = { ...rules[at], ...(body as Partial<Rule>) };
      return { status: 200, body: rules[at] };
    }
  });
  const puts = () => calls.filter((call) => call.method === 'PUT').map((call) => [call.path, (call.body as Rule).position]);
  return { rules, calls, puts };
}

const names = () => within(screen.getByRole('table', { name: 'Rules in evaluation order' })).getAllByRole('row').slice(1).map((row) => row.children[1].textContent);

describe('reordering rules', () => {
  it('moves a rule by its buttons, saves distinct positions, shows the server’s order and keeps focus on the moved rule', async () => {
    const server = rulesServer([stored('r-a', 'Abuse', 0), stored('r-b', 'Billing', 10), stored('r-c', 'Court', 20)]);
    renderAt(<RulesPage />, '/admin/rules');
    const up = await screen.findByRole('button', { name: 'Move Court up' });
    up.focus();
    fireEvent.click(up);
    await screen.findByText('“Court” is now rule 2 of 3.');
    expect(names()).toEqual(['Abuse', 'Court', 'Billing']);
    // Room between Abuse (0) and Billing (10): one write, the whole rule with its new position.
    expect(server.puts()).toEqual([['/rules/r-c', 5]]);
    expect(server.calls.find((call) => call.method === 'PUT')?.body).toEqual({ name: 'Court', enabled: true, when: stored('r-c', 'Court', 0).when, then: stored('r-c', 'Court', 0).then, position: 5 });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Court up' }));

    // To the top: nothing fits below 0, so the rules are spread out again; at the top, focus goes to its other button.
    fireEvent.click(screen.getByRole('button', { name: 'Move Court up' }));
    await screen.findByText('“Court” is now rule 1 of 3.');
    expect(names()).toEqual(['Court', 'Abuse', 'Billing']);
    // Court 5 → 0, Abuse 0 → 10, Billing 10 → 20.
    expect(server.puts().slice(1)).toEqual([
      ['/rules/r-c', 0],
      ['/rules/r-a', 10],
      ['/rules/r-b', 20],
    ]);
    expect((screen.getByRole('button', { name: 'Move Court up' }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Court down' }));
  });

  it('moves by the rules as the server has them now, sending another admin’s edit unchanged', async () => {
    const server = rulesServer([stored('r-a', 'Abuse', 0), stored('r-b', 'Billing', 10)]);
    renderAt(<RulesPage />, '/admin/rules');
    const down = await screen.findByRole('button', { name: 'Move Abuse down' });
    // Meanwhile, someone else narrows Abuse's condition.
    const edited = { field: 'subject', op: 'regex', value: '\\babuse\\b' };
    server.rules[0] = { ...server.rules[0], when: edited };
    fireEvent.click(down);
    await screen.findByText('“Abuse” is now rule 2 of 2.');
    expect(names()).toEqual(['Billing', 'Abuse']);
    expect((server.calls.find((call) => call.method === 'PUT')?.body as Rule).when).toEqual(edited);
    expect(server.rules.find((rule) => rule.id === 'r-a')?.when).toEqual(edited);
  });

  it('shows a refusal and then the order that was saved', async () => {
    const calls = fakeApi(({ method, path }) => {
      if (method === 'GET' && path === '/rules') return { status: 200, body: { items: [stored('r-a', 'Abuse', 0), stored('r-b', 'Billing', 10)] } };
      if (method === 'PUT') return { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Validation failed', fields: { 'then.0.queueSlug': ['no queue has the slug "legal"'] } } };
    });
    renderAt(<RulesPage />, '/admin/rules');
    fireEvent.click(await screen.findByRole('button', { name: 'Move Billing up' }));
    expect((await screen.findByRole('alert')).textContent).toContain('no queue has the slug "legal"');
    await waitFor(() => expect(calls.filter((call) => call.method === 'GET' && call.path === '/rules').length).toBeGreaterThanOrEqual(3));
    expect(names()).toEqual(['Abuse', 'Billing']);
  });
});
