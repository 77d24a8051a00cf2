import { describe, expect, it } from "vitest";
import { parseGeneralInstructionLine, parseGeneralInstructionsJsonl } from "./general-instructions";

const ok = <T>(value: T) => ({ ok: true, value });

describe("general instruction import", () => {
  it("reads question/response records", () => {
    expect(parseGeneralInstructionLine('{"question":"What is 2+2?","response":"4"}', 1)).toEqual(
      ok("What is 2+2? 4"),
    );
  });

  it("reads OpenAI messages, skipping system prompts and joining turns", () => {
    const line = JSON.stringify({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Name a prime." },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Seven" },
            { type: "text", text: "." },
          ],
        },
        { role: "user", content: "Another?" },
        { role: "assistant", content: "Eleven." },
      ],
    });
    expect(parseGeneralInstructionLine(line, 1)).toEqual(
      ok("Name a prime. Seven. Another? Eleven."),
    );
  });

  it.each([
    ["nope", /^line 4: is not valid JSON/],
    ["3", /^line 4: must be a JSON object$/],
    ['{"prompt":"x"}', /expected \{"question", "response"\} or \{"messages"/],
    ['{"question":"q"}', /must both be strings/],
    ['{"question":" ","response":"r"}', /"question" is empty/],
    ['{"question":"q","response":""}', /"response" is empty/],
    ['{"messages":"hi"}', /"messages" must be an array/],
    ['{"messages":[{"content":"x"}]}', /messages\[0\] must be an object with a "role"/],
    ['{"messages":[{"role":"tool","content":"x"}]}', /role "tool"/],
    ['{"messages":[{"role":"user","content":[{"type":"image_url"}]}]}', /list of text parts/],
    ['{"messages":[{"role":"user","content":"q"}]}', /one user and one assistant/],
    [
      '{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":""}]}',
      /messages\[1\]\.content is empty/,
    ],
  ])("explains %s", (line, message) => {
    const result = parseGeneralInstructionLine(line, 4);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it("reads a file and names the first bad line", () => {
    const good = '{"question":"q","response":"r"}';
    expect(parseGeneralInstructionsJsonl(`${good}\n\n${good}\n`)).toEqual(ok(["q r", "q r"]));
    expect(parseGeneralInstructionsJsonl(`${good}\n{"question":1}`)).toMatchObject({
      ok: false,
      lineNumber: 2,
    });
  });
});
