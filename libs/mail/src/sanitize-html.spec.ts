import { countRemoteImages, htmlToText, sanitizeEmailHtml } from './sanitize-html.js';



describe('sanitizeEmailHtml', () => {
  it('removes script and style elements with their content', () => {
    expect(sanitizeEmailHtml('<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>')).toBe('<p>a</p><p>b</p>');
  });

  it('removes event handler attributes', () => {
    expect(sanitizeEmailHtml('<div onclick="x()" onmouseover="y()">hi</div>')).toBe('<div>hi</div>');
  });

  it('removes javascript: and relative hrefs but keeps the link text', () => {
    const out = sanitizeEmailHtml('<a href="javascript:alert(1)">one</a><a href="jav&#x09;ascript:x">two</a><a href="/api/x">three</a>');
    expect(out).not.toMatch(/href|javascript/i);
    expect(out).toContain('>one</a>');
    expect(out).toContain('>three</a>');
  });

  it('keeps http(s) and mailto links and opens them safely', () => {
    const out = sanitizeEmailHtml('<a href="https://example.com/?a=1&amp;b=2" target="_self">site</a> <a href="mailto:x@example.com">mail</a>');
    expect(out).toBe(
      '<a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer nofollow">site</a> ' +
        '<a href="mailto:x@example.com" rel="noopener noreferrer nofollow" target="_blank">mail</a>',
    );
  });

  it('drops remote images (tracking pixels) and images with an onerror payload', () => {
    expect(sanitizeEmailHtml('<p>x<img src="https://tracker.example/p.gif" width="1"></p>')).toBe('<p>x</p>');
    expect(sanitizeEmailHtml('<img src="x" onerror="alert(1)">')).toBe('');
    expect(sanitizeEmailHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).toBe('');
  });

  it('parks a remote https image at ingest, drops it when shown by default, and shows it only when asked', () => {
    const parked = sanitizeEmailHtml('<p>x<img src="https://cdn.example/p.png" alt="map"><img src="http://plain.example/a.gif"><img data-remote-src="https://evil.example/forged.gif"></p>', { remoteImages: 'park' });
    expect(parked).toBe('<p>x<img alt="map" data-remote-src="https://cdn.example/p.png" /></p>');
    expect(countRemoteImages(parked)).toBe(1);
    expect(sanitizeEmailHtml(parked)).toBe('<p>x<img alt="map" /></p>'.replace('<img alt="map" />', ''));
    expect(sanitizeEmailHtml(parked, { remoteImages: 'show' })).toBe('<p>x<img alt="map" src="https://cdn.example/p.png" /></p>');
    expect(sanitizeEmailHtml(parked, { images: false, remoteImages: 'show' })).toBe('<p>x</p>');
    // Parking never turns a script URL or a bad scheme into an image.
    expect(sanitizeEmailHtml('<img src="javascript:alert(1)"><img src="https://a.example/x.png&quot; onerror=&quot;alert(1)">', { remoteImages: 'park' })).not.toMatch(/javascript|onerror=/i);
  });

  it('keeps cid: and raster data: images', () => {
    expect(sanitizeEmailHtml('<img src="cid:logo@x" alt="Logo">')).toBe('<img src="cid:logo@x" alt="Logo" />');
    expect(sanitizeEmailHtml('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe(
      '<img src="data:image/png;base64,iVBORw0KGgo=" />',
    );
  });

  it('with images: false (restricted queues) drops every image, cid: and data: included, keeping the text around it', () => {
    const html = '<p>see <img src="cid:photo@x" alt="photo"> and <img src="data:image/png;base64,iVBORw0KGgo="> <a href="https://example.org">link</a></p>';
    expect(sanitizeEmailHtml(html, { images: false })).toBe('<p>see  and  <a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">link</a></p>');
    expect(sanitizeEmailHtml('<IMG SRC="cid:a"><picture><source srcset="data:image/png;base64,AA=="></picture>', { images: false })).not.toMatch(/cid:|data:|<img/i);
  });

  it('drops embedded documents and forms with their content', () => {
    expect(
      sanitizeEmailHtml('<iframe src="https://x">a</iframe><object>b</object><embed src="c"><form action="/x"><input value="d">e</form>ok'),
    ).toBe('ok');
  });

  it('keeps allowed formatting and layout', () => {
    const html =
      '<h2>Title</h2><p><b>b</b> <i>i</i> <u>u</u> <strong>s</strong> <em>e</em></p><blockquote>q</blockquote>' +
      '<ul><li>1</li></ul><ol><li>2</li></ol><pre><code>c</code></pre><hr />' +
      '<table border="1"><thead><tr><th>h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>' +
      '<font color="#ff0000" size="2">f</font><span>s</span><br />';
    expect(sanitizeEmailHtml(html)).toBe(html);
  });

  it('keeps only safe CSS properties', () => {
    expect(
      sanitizeEmailHtml(
        '<div style="color: red; background-image: url(https://t.example/x); width: expression(alert(1)); text-align: center; position: fixed">x</div>',
      ),
    ).toBe('<div style="color:red;text-align:center">x</div>');
  });
});

describe('htmlToText', () => {
  it('strips markup, decodes entities and keeps line structure', () => {
    expect(
      htmlToText(
        '<html><head><title>T</title><style>p{}</style></head><body>' +
          '<p>Hello&nbsp;<b>world</b> &amp; &lt;friends&gt;</p><p>Second\n   paragraph</p>' +
          '<div>line 1</div><div>line 2</div><ul><li>one</li><li>two</li></ul>a<br>b<script>x()</script></body></html>',
      ),
    ).toBe('Hello world & <friends>\n\nSecond paragraph\n\nline 1\nline 2\none\ntwo\na\nb');
  });

  it('separates table cells and returns an empty string for markup without text', () => {
    expect(htmlToText('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toBe('a b\nc');
    expect(htmlToText('<img src="cid:x"><style>a{}</style>')).toBe('');
  });
});
