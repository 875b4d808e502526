import Handlebars from 'handlebars';

/** What every render passes to its helpers as `@data`: who reads the mail, and which part is being rendered. */
export interface RenderData {
  locale: string;
  timeZone: string;
  part: 'text' | 'html';
  dir: 'ltr' | 'rtl';
}

interface HelperOptions {
  data: RenderData & { root: Record<string, Record<string, unknown> | unknown> };
}

type DateStyle = 'short' | 'medium' | 'long' | 'full';
const formatters = new Map<string, Intl.DateTimeFormat>();

// Components rather than dateStyle, which cannot be combined with the zone's name the reader needs.
const STYLE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { year: 'numeric', month: 'numeric', day: 'numeric' },
  medium: { year: 'numeric', month: 'short', day: 'numeric' },
  long: { year: 'numeric', month: 'long', day: 'numeric' },
  full: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
};

/** A date in the reader's language and time zone (an unknown zone reads as UTC); '' for none. */
export function formatDate(value: unknown, style: DateStyle, locale: string, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  const key = `${locale}|${timeZone}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = { ...STYLE_OPTIONS[style], hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
    try {
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

const rootOf = (options: HelperOptions) => options.data.root as Record<string, Record<string, unknown>>;
const styleOf = (value: unknown): DateStyle => (value === 'short' || value === 'medium' || value === 'full' ? value : 'long');

/** `> `-prefixed lines in text; an escaped blockquote in HTML (no newline inside, so the text-to-HTML pass leaves it whole). */
function quoteText(text: unknown, options: HelperOptions): string | Handlebars.SafeString {
  if (typeof text !== 'string' || text.trim() === '') return '';
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (options.data.part === 'text') return lines.map((line) => (line ? `> ${line}` : '>')).join('\n');
  const side = options.data.dir === 'rtl' ? 'right' : 'left';
  const body = lines.map((line) => Handlebars.escapeExpression(line)).join('<br>');
  return new Handlebars.SafeString(`<blockquote style="margin:0;padding-${side}:1ex;border-${side}:2px solid #ccc">${body}</blockquote>`);
}

/** The helpers of the catalog (libs/domain TEMPLATE_HELPERS), registered on an isolated handlebars environment. */
export function registerTemplateHelpers(env: typeof Handlebars): void {
  env.registerHelper('date', (...args: unknown[]) => {
    const options = args.pop() as HelperOptions;
    return formatDate(args[0], styleOf(args[1]), options.data.locale, options.data.timeZone);
  });
  env.registerHelper('ticketNumber', (options: HelperOptions) => String(rootOf(options).ticket?.number ?? ''));
  env.registerHelper('ticketTag', (options: HelperOptions) => `[#${String(rootOf(options).ticket?.number ?? '')}]`);
  env.registerHelper('slaDue', (...args: unknown[]) => {
    const options = args.pop() as HelperOptions;
    return formatDate(rootOf(options).ticket?.slaDueAt, styleOf(args[0]), options.data.locale, options.data.timeZone);
  });
  env.registerHelper('quote', (...args: unknown[]) => {
    const options = args.pop() as HelperOptions;
    return quoteText(args.length > 0 ? args[0] : rootOf(options).previous?.text, options);
  });
}

/** What the compiler may call: the catalog's helpers and the two conditionals, nothing else. */
export const KNOWN_HELPERS = { if: true, unless: true, date: true, ticketNumber: true, ticketTag: true, slaDue: true, quote: true } as const;
