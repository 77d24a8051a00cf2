/**
 * Importing general instructions to mix with cooked texts (method spec, section 6): each record
 * becomes one plain "{question} {response}" pre-training text.
 */
import { isJsonObject, lineError, parseJsonLine, parseJsonl, type LineResult } from "./jsonl";

/** Roles that carry no question or response and are skipped. */
const IGNORED_ROLES = ["system", "developer"];

/** Message content: a string, or OpenAI's list of parts, of which only text parts are allowed. */
function contentText(content: unknown): string | null {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return null;
  const texts: string[] = [];
  for (const part of content) {
    if (!isJsonObject(part) || part.type !== "text" || typeof part.text !== "string") return null;
    texts.push(part.text);
  }
  return texts.join("");
}

function fromMessages(messages: unknown, lineNumber: number): LineResult<string> {
  if (!Array.isArray(messages)) return lineError(lineNumber, '"messages" must be an array');
  const turns: string[] = [];
  let users = 0;
  let assistants = 0;
  for (const [i, m] of messages.entries()) {
    if (!isJsonObject(m) || typeof m.role !== "string") {
      return lineError(lineNumber, `messages[${i}] must be an object with a "role"`);
    }
    if (IGNORED_ROLES.includes(m.role)) continue;
    if (m.role !== "user" && m.role !== "assistant") {
      return lineError(
        lineNumber,
        `messages[${i}] has role "${m.role}"; expected user or assistant`,
      );
    }
    const text = contentText(m.content);
    if (text === null) {
      return lineError(
        lineNumber,
        `messages[${i}].content must be a string or a list of text parts`,
      );
    }
    if (text.trim() === "") return lineError(lineNumber, `messages[${i}].content is empty`);
    if (m.role === "user") users++;
    else assistants++;
    turns.push(text);
  }
  if (users === 0 || assistants === 0) {
    return lineError(lineNumber, "needs at least one user and one assistant message");
  }
  // Multi-turn chats keep every turn, in order, the same way a single turn is written.
  return { ok: true, value: turns.join(" ") };
}

/**
 * Reads one general-instruction line, either `{"question", "response"}` or OpenAI's
 * `{"messages": [...]}` (system messages skipped), into "{question} {response}".
 */
export function parseGeneralInstructionLine(line: string, lineNumber: number): LineResult<string> {
  const json = parseJsonLine(line, lineNumber);
  if (!json.ok) return json;
  const o = json.value;
  if (!isJsonObject(o)) return lineError(lineNumber, "must be a JSON object");
  if ("messages" in o) return fromMessages(o.messages, lineNumber);
  if ("question" in o || "response" in o) {
    if (typeof o.question !== "string" || typeof o.response !== "string") {
      return lineError(lineNumber, '"question" and "response" must both be strings');
    }
    if (o.question.trim() === "") return lineError(lineNumber, '"question" is empty');
    if (o.response.trim() === "") return lineError(lineNumber, '"response" is empty');
    return { ok: true, value: `${o.question} ${o.response}` };
  }
  return lineError(lineNumber, 'expected {"question", "response"} or {"messages": [...]}');
}

/** Reads a whole general-instruction JSONL text (blank lines skipped), stopping at the first bad line. */
export function parseGeneralInstructionsJsonl(text: string): LineResult<string[]> {
  return parseJsonl(text, parseGeneralInstructionLine);
}
