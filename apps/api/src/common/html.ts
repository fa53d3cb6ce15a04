/** Markup known to be safe: built by `html` itself or marked `trusted`, never from data. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char]);

type Interpolated = SafeHtml | string | number | boolean | null | undefined | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * A tagged template for HTML documents: every interpolated value is escaped unless it is itself the
 * result of `html`, so data (names, notes) can never become markup. Arrays are joined, null,
 * undefined and false render nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, chunk, index) => out + chunk + (index < values.length ? render(values[index]) : ''), ''));
}

/**
 * A constant written in the source (a stylesheet, a fixed fragment) that must reach the document
 * as is: `html` would escape its quotes. Never pass it anything that comes from data.
 */
export const trusted = (markup: string): SafeHtml => new SafeHtml(markup);
