import { placeholdersIn } from "./fill";
import {
  TEMPLATE_PACK_SCHEMA_VERSION,
  type BodyTemplate,
  type LabelKind,
  type OptionStyle,
  type TemplatePack,
} from "./template-pack";

/** The outcome of validation: a clean pack, or the JSON path and reason of the first problem. */
export type PackValidation =
  { ok: true; pack: TemplatePack } | { ok: false; path: string; message: string };

class PackProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;
const LABELS: readonly LabelKind[] = ["upper", "lower", "number", "lowerRoman", "upperRoman"];

function fail(path: string, message: string): never {
  throw new PackProblem(path, message);
}

const at = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);

function object(v: unknown, path: string, required: string[], optional: string[] = []): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(path, "must be an object");
  const o = v as Obj;
  // Unknown fields are errors: a misspelt optional field would otherwise be ignored silently.
  for (const key of Object.keys(o)) {
    if (!required.includes(key) && !optional.includes(key)) fail(at(path, key), "unknown field");
  }
  for (const key of required) if (!(key in o)) fail(at(path, key), "is missing");
  return o;
}

interface StringRule {
  /** Placeholders that must appear. */
  required?: string[];
  /** Placeholders that may appear. */
  allowed?: string[];
  nonEmpty?: boolean;
}

function str(v: unknown, path: string, rule: StringRule = {}): string {
  if (typeof v !== "string") fail(path, "must be a string");
  if (rule.nonEmpty && v === "") fail(path, "must not be empty");
  const used = placeholdersIn(v);
  const allowed = [...(rule.required ?? []), ...(rule.allowed ?? [])];
  for (const name of used) {
    if (allowed.length === 0) fail(path, `is literal text, so {${name}} is not allowed here`);
    if (!allowed.includes(name)) {
      fail(
        path,
        `unknown placeholder {${name}}; allowed: ${allowed.map((a) => `{${a}}`).join(", ")}`,
      );
    }
  }
  for (const name of rule.required ?? []) {
    if (!used.includes(name)) fail(path, `must contain {${name}}`);
  }
  return v;
}

function list<T>(v: unknown, path: string, each: (item: unknown, path: string) => T): T[] {
  if (!Array.isArray(v)) fail(path, "must be an array");
  if (v.length === 0) fail(path, "must not be empty (cooking samples from it)");
  return v.map((item, i) => each(item, `${path}[${i}]`));
}

function labelKind(v: unknown, path: string, allowNone: boolean): LabelKind | "none" {
  const kinds: readonly string[] = allowNone ? [...LABELS, "none"] : LABELS;
  if (typeof v !== "string" || !kinds.includes(v)) fail(path, `must be one of ${kinds.join(", ")}`);
  return v as LabelKind | "none";
}

function body(question: StringRule, answer: StringRule) {
  return (v: unknown, path: string): BodyTemplate => {
    const o = object(v, path, ["question", "answer"]);
    return {
      question: str(o.question, at(path, "question"), question),
      answer: str(o.answer, at(path, "answer"), answer),
    };
  };
}

function optionStyle(v: unknown, path: string): OptionStyle {
  const o = object(v, path, ["labels", "item"], ["name"]);
  const labels = labelKind(o.labels, at(path, "labels"), true);
  if (labels === "none") {
    if ("name" in o) fail(at(path, "name"), 'only labelled styles have names; labels is "none"');
    return { labels, item: str(o.item, at(path, "item"), { required: ["option"] }) };
  }
  const item = str(o.item, at(path, "item"), { required: ["label", "option"] });
  if (!("name" in o)) fail(at(path, "name"), "is missing (labelled styles need one)");
  return { labels, item, name: str(o.name, at(path, "name"), { required: ["label"] }) };
}

const literal = (v: unknown, path: string): string => str(v, path);
const nonEmpty = (v: unknown, path: string): string => str(v, path, { nonEmpty: true });

function build(o: Obj): TemplatePack {
  const qa = list(o.qa, "qa", (v, path) => {
    const p = object(v, path, ["questionPrefix", "answerPrefix", "delimiter", "separator"]);
    const questionPrefix = literal(p.questionPrefix, at(path, "questionPrefix"));
    const answerPrefix = literal(p.answerPrefix, at(path, "answerPrefix"));
    const delimiter = literal(p.delimiter, at(path, "delimiter"));
    if (delimiter === "" && answerPrefix === "") {
      fail(at(path, "delimiter"), "and answerPrefix are both empty, so answers would run on");
    }
    return {
      questionPrefix,
      answerPrefix,
      delimiter,
      separator: nonEmpty(p.separator, at(path, "separator")),
    };
  });
  const options = { required: ["stem", "options"] };
  const noneOf = object(o.noneOfTheAbove, "noneOfTheAbove", ["recognize", "wordings"]);
  const dialog = object(o.dialog, "dialog", ["speakers", "turns", "intros", "nextTurnPrompts"]);
  const speakers = list(dialog.speakers, "dialog.speakers", (v, path) => {
    const s = object(v, path, ["asker", "answerer"]);
    const asker = nonEmpty(s.asker, at(path, "asker"));
    const answerer = nonEmpty(s.answerer, at(path, "answerer"));
    if (asker === answerer) fail(at(path, "answerer"), "must differ from asker");
    return { asker, answerer };
  });
  const pack: TemplatePack = {
    version: TEMPLATE_PACK_SCHEMA_VERSION,
    name: nonEmpty(o.name, "name"),
    qa,
    multipleChoice: list(
      o.multipleChoice,
      "multipleChoice",
      body(options, { required: ["answer"] }),
    ),
    chainOfThought: list(
      o.chainOfThought,
      "chainOfThought",
      body({ required: ["question"] }, { required: ["rationale", "answer"] }),
    ),
    multipleChoiceChainOfThought: list(
      o.multipleChoiceChainOfThought,
      "multipleChoiceChainOfThought",
      body(options, { required: ["rationale", "answer"] }),
    ),
    optionStyles: list(o.optionStyles, "optionStyles", optionStyle),
    noneOfTheAbove: {
      recognize: list(noneOf.recognize, "noneOfTheAbove.recognize", nonEmpty),
      wordings: list(noneOf.wordings, "noneOfTheAbove.wordings", nonEmpty),
    },
    numbering: list(o.numbering, "numbering", (v, path) => {
      const n = object(v, path, ["labels", "item"]);
      return {
        labels: labelKind(n.labels, at(path, "labels"), false) as LabelKind,
        item: str(n.item, at(path, "item"), { required: ["label", "text"] }),
      };
    }),
    numberedHeadings: list(o.numberedHeadings, "numberedHeadings", (v, path) => {
      const h = object(v, path, ["questions", "answers"]);
      return {
        questions: nonEmpty(h.questions, at(path, "questions")),
        answers: nonEmpty(h.answers, at(path, "answers")),
      };
    }),
    dialog: {
      speakers,
      turns: list(dialog.turns, "dialog.turns", (v, path) =>
        str(v, path, { required: ["speaker", "utterance"] }),
      ),
      intros: list(dialog.intros, "dialog.intros", literal),
      nextTurnPrompts: list(dialog.nextTurnPrompts, "dialog.nextTurnPrompts", (v, path) =>
        str(v, path, { allowed: ["asker", "answerer"], nonEmpty: true }),
      ),
    },
    fewShot: list(o.fewShot, "fewShot", (v, path) => {
      const h = object(v, path, ["examples", "exercise"]);
      return {
        examples: nonEmpty(h.examples, at(path, "examples")),
        exercise: nonEmpty(h.exercise, at(path, "exercise")),
      };
    }),
    questionIntros: list(o.questionIntros, "questionIntros", literal),
    textWrappers: list(o.textWrappers, "textWrappers", (v, path) => {
      const w = object(v, path, ["before", "after"]);
      return {
        before: literal(w.before, at(path, "before")),
        after: literal(w.after, at(path, "after")),
      };
    }),
    entrySeparators: list(o.entrySeparators, "entrySeparators", nonEmpty),
    inversionPhrases: list(o.inversionPhrases, "inversionPhrases", nonEmpty),
  };
  if ("description" in o) pack.description = literal(o.description, "description");
  return pack;
}

const FIELDS = [
  "qa",
  "multipleChoice",
  "chainOfThought",
  "multipleChoiceChainOfThought",
  "optionStyles",
  "noneOfTheAbove",
  "numbering",
  "numberedHeadings",
  "dialog",
  "fewShot",
  "questionIntros",
  "textWrappers",
  "entrySeparators",
  "inversionPhrases",
];

/**
 * Checks parsed JSON against the template-pack schema and returns a clean copy (unknown input is
 * never trusted as-is). On failure, `path` is the exact JSON path of the first problem, such as
 * `qa[12].answerPrefix`, or "" for the whole pack.
 */
export function validateTemplatePack(json: unknown): PackValidation {
  try {
    // The version comes first: a pack from a newer schema should say so, not list odd fields.
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      fail("", "the pack must be a JSON object");
    }
    const version = (json as Obj).version;
    if (version === undefined) fail("version", "is missing");
    if (version !== TEMPLATE_PACK_SCHEMA_VERSION) {
      fail("version", `must be ${TEMPLATE_PACK_SCHEMA_VERSION}, the schema this studio reads`);
    }
    const root = object(json, "", ["version", "name", ...FIELDS], ["description"]);
    return { ok: true, pack: build(root) };
  } catch (e) {
    if (e instanceof PackProblem) return { ok: false, path: e.path, message: e.message };
    throw e;
  }
}
