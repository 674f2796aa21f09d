import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html.js';

describe('html', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const hostile = `<script>alert("x")</script> ' \` &`;
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39; &#96; &amp;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39; &#96; &amp;</p>',
    );
  });

  it('keeps fragments it built, drops empty values and joins lists', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`${inner}${null}${undefined}${false}${[html`<br>`, 'a&b']}${3}`.value).toBe('<b>&lt;i&gt;</b><br>a&amp;b3');
    expect(escapeHtml('plain')).toBe('plain');
  });
});
