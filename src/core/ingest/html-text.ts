/**
 * The main text of an HTML page, built from a streaming parser's events (open tag, text, close
 * tag: the shape htmlparser2 calls). Nothing is run or rendered: scripts, styles and the page's
 * furniture (navigation, site header and footer, asides, forms' buttons) are dropped, blocks
 * become paragraphs, <br> a line break, and <pre> keeps its spacing. When the page marks its
 * main content (<main> or role="main"), only that is kept.
 */
import { tidyExtracted } from "./normalize";

/** Elements whose content is never text to keep. */
const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "footer",
  "aside",
  "svg",
  "math",
  "iframe",
  "object",
  "embed",
  "canvas",
  "select",
  "button",
  "textarea",
  "head",
]);

/** Landmark roles that mark page furniture, like the elements above. */
const DROPPED_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search"]);

const BLOCKS = new Set([
  "address",
  "article",
  "blockquote",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "legend",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
  "body",
]);

/** Elements with no closing tag, which must not be counted as open. */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

// Private-use markers for breaks while text is gathered; they never survive into the result.
const PARA = "\ue000";
const LINE = "\ue001";
const PRE_OPEN = "\ue002";
const PRE_CLOSE = "\ue003";

export interface HtmlText {
  text: string;
  /** The page's <title>, else its first <h1>; null when it has neither. */
  title: string | null;
}

export interface HtmlTextCollector {
  onopentag(name: string, attribs: Record<string, string>): void;
  ontext(text: string): void;
  onclosetag(name: string): void;
  result(): HtmlText;
}

interface Open {
  name: string;
  drop: boolean;
  main: boolean;
  pre: boolean;
  h1: boolean;
}

export function createHtmlTextCollector(): HtmlTextCollector {
  const stack: Open[] = [];
  const all: string[] = [];
  const main: string[] = [];
  let title = "";
  let titleDone = false;
  let inTitle = false;
  let h1 = "";
  let h1Done = false;
  const top = (): Open | undefined => stack[stack.length - 1];
  const dropping = () => top()?.drop ?? false;
  const inMain = () => top()?.main ?? false;
  const inPre = () => top()?.pre ?? false;
  const inH1 = () => top()?.h1 ?? false;
  const inArticle = () => stack.some((e) => e.name === "article" || e.main);

  const emit = (s: string) => {
    all.push(s);
    if (inMain()) main.push(s);
  };

  return {
    onopentag(name, attribs) {
      if (name === "title") inTitle = !titleDone;
      if (name === "br") {
        if (!dropping()) emit(LINE);
        return;
      }
      const drop =
        dropping() ||
        DROPPED.has(name) ||
        // A site header is furniture; an article's own header holds its title.
        (name === "header" && !inArticle()) ||
        "hidden" in attribs ||
        attribs["aria-hidden"] === "true" ||
        DROPPED_ROLES.has(attribs.role ?? "");
      if (BLOCKS.has(name) && !drop) emit(PARA);
      if (VOID.has(name)) return;
      const opensPre = name === "pre" && !inPre() && !drop;
      stack.push({
        name,
        drop,
        main: inMain() || name === "main" || attribs.role === "main",
        pre: inPre() || name === "pre",
        h1: inH1() || (name === "h1" && !drop && !h1Done),
      });
      if (opensPre) emit(PRE_OPEN);
    },
    ontext(text) {
      if (inTitle) title += text;
      if (dropping()) return;
      if (inH1()) h1 += text;
      emit(inPre() ? text.replace(/\n/g, LINE) : text.replace(/\s+/g, " "));
    },
    onclosetag(name) {
      if (name === "title" && inTitle) {
        inTitle = false;
        titleDone = title.trim() !== "";
      }
      if (VOID.has(name)) return;
      // Close up to the matching element; a stray closing tag closes nothing.
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at === -1) return;
      const closing = stack[at] as Open;
      const parentPre = stack[at - 1]?.pre ?? false;
      stack.length = at;
      if (closing.h1 && !inH1()) h1Done = h1.trim() !== "";
      if (closing.pre && !parentPre && !closing.drop) emit(PRE_CLOSE);
      if (BLOCKS.has(name) && !closing.drop) emit(PARA);
    },
    result() {
      const hasMain = main.join("").replace(/[\s\ue000-\ue003]/g, "") !== "";
      const clean = (s: string) => s.replace(/\s+/g, " ").trim();
      return {
        text: assemble((hasMain ? main : all).join("")),
        title: clean(title) || clean(h1) || null,
      };
    },
  };
}

/** Markers to text: paragraphs apart by a blank line; <pre> lines keep their leading spaces. */
function assemble(raw: string): string {
  const out: string[] = [];
  // Odd pieces are <pre> contents: the split alternates outside, inside, outside…
  const pieces = raw.split(new RegExp(`${PRE_OPEN}|${PRE_CLOSE}`));
  pieces.forEach((piece, i) => {
    const pre = i % 2 === 1;
    for (const para of pre ? [piece.replaceAll(PARA, "")] : piece.split(PARA)) {
      const lines = para.split(LINE).map((l) => (pre ? l.replace(/\s+$/, "") : l.trim()));
      const text = lines.join("\n").replace(/^\n+|\n+$/g, "");
      if (text.trim() !== "") out.push(text);
    }
  });
  return tidyExtracted(out.join("\n\n"));
}
