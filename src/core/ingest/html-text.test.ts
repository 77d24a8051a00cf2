import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { createHtmlTextCollector, type HtmlText } from "./html-text";

function htmlText(html: string): HtmlText {
  const collector = createHtmlTextCollector();
  const parser = new Parser(collector, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  return collector.result();
}

describe("createHtmlTextCollector", () => {
  it("keeps the main text with paragraph breaks and drops the page's furniture", () => {
    const page = `<!doctype html><html><head><title> The  River </title><style>p{color:red}</style>
      <script>window.x = "<p>not text</p>";</script></head>
      <body><header><a href="/">Home</a></header><nav><a>Menu</a></nav>
      <h1>Flood report</h1><p>The river rose&nbsp;<b>two</b>
      metres.</p><div>Streets<br>closed.</div><aside>Ads</aside><noscript>Enable JS</noscript>
      <template><p>hidden</p></template><p hidden>secret</p><div aria-hidden="true">icon</div>
      <ul><li>one</li><li>two</li></ul><footer>© 2026</footer></body></html>`;
    expect(htmlText(page)).toEqual({
      title: "The River",
      text: "Flood report\n\nThe river rose two metres.\n\nStreets\nclosed.\n\none\n\ntwo",
    });
  });

  it("keeps only <main> when the page marks it, and an article's own header", () => {
    const page = `<div>Site menu</div><main><article><header><h1>Title</h1></header>
      <p>Body.</p><footer>tags</footer></article></main><div>Related links</div>`;
    expect(htmlText(page)).toEqual({ title: "Title", text: "Title\n\nBody." });
  });

  it("keeps <pre> spacing and decodes entities without running anything", () => {
    const page = `<p>Code:</p><pre>  if (a &lt; b) {\n    go();\n  }</pre><p>&amp; done</p><img src=x onerror="alert(1)">`;
    expect(htmlText(page).text).toBe("Code:\n\n  if (a < b) {\n    go();\n  }\n\n& done");
  });

  it("survives broken markup and has no title when the page has none", () => {
    expect(htmlText("<p>one<p>two</span></div><p>three")).toEqual({
      title: null,
      text: "one\n\ntwo\n\nthree",
    });
    expect(htmlText("<script>only()</script>")).toEqual({ title: null, text: "" });
  });
});
