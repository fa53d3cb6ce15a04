import { escapeHtml, html, trusted } from './html';

describe('html template', () => {
  it('escapes every interpolated string, in content and attributes', () => {
    const name = `<script>alert("x")</script> & 'co'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    );
  });

  it('keeps markup built by html itself, joins arrays and drops empty values', () => {
    const items = ['<b>', 'a&b'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>&lt;b&gt;</li><li>a&amp;b</li></ul>0');
  });

  it('does not trust a string that merely looks like markup', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps a trusted constant intact, quotes included', () => {
    const style = trusted(`:root { font: 11pt system-ui, "Segoe UI", sans-serif; }`);
    expect(html`<style>${style}</style>`.value).toBe(`<style>:root { font: 11pt system-ui, "Segoe UI", sans-serif; }</style>`);
  });
});
