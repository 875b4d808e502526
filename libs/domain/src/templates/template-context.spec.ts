import { templateScope, TEMPLATE_KINDS } from './template-catalog.js';
import { missingVariables, sampleContext } from './template-context.js';
import { isTemplateLocale, textDirection } from './template-locale.js';

const lookup = (context: Record<string, unknown>, name: string) => name.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' && part in value ? (value as Record<string, unknown>)[part] : Symbol.for('absent')), context);

describe('template contexts follow the catalog', () => {
  it.each(TEMPLATE_KINDS.flatMap((kind) => ['acknowledgement', 'reply', 'sla-warning', 'sla-breach', 'page', 'custom'].map((key) => [kind, key] as const)))('%s %s: every variable of its scope is present', (kind, key) => {
    const context = sampleContext(kind, key, 'en');
    for (const name of templateScope(kind, key).variables) expect([name, lookup(context, name)]).not.toEqual([name, Symbol.for('absent')]);
  });

  it('missingVariables names the used variables without a value', () => {
    const context = { requester: { name: null, email: 'a@b' }, body: '', ticket: { number: '1' } };
    expect(missingVariables(['requester.name', 'requester.email', 'body', 'ticket.number', 'requester.name'], context)).toEqual(['body', 'requester.name']);
  });

  it('knows the locales and their direction', () => {
    expect(['en', 'ar', 'zh', 'hi'].every(isTemplateLocale)).toBe(true);
    expect(isTemplateLocale('sp')).toBe(false);
    expect([textDirection('ar'), textDirection('ar-EG'), textDirection('en'), textDirection('he')]).toEqual(['rtl', 'rtl', 'ltr', 'rtl']);
  });
});
