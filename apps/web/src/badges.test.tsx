import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SlaBadge, TriageBadge } from './badges';
import { setLocale } from './i18n/index';

describe('the list badges', () => {
  afterEach(() => setLocale('en'));

  it('shows a breached clock before a running one, and the time left of the soonest', () => {
    const { rerender } = render(<SlaBadge clocks={[{ kind: 'resolution', dueAt: null, state: 'running', remainingMs: 7_200_000 }, { kind: 'first_response', dueAt: null, state: 'breached', remainingMs: null }]} />);
    expect(screen.getByText('breached')).toBeTruthy();
    rerender(<SlaBadge clocks={[{ kind: 'resolution', dueAt: null, state: 'running', remainingMs: 7_200_000 }, { kind: 'first_response', dueAt: null, state: 'running', remainingMs: 600_000 }]} />);
    expect(screen.getByText('10 min left')).toBeTruthy();
  });

  it('names the triage categories as text, in the chosen locale', () => {
    setLocale('es');
    render(<TriageBadge triage={{ level: 2, categories: [{ category: 'self_harm', level: 2, language: 'en', evidence: null, dismissed: false }] }} />);
    expect(screen.getByText('nivel 2: self harm')).toBeTruthy();
  });
});
