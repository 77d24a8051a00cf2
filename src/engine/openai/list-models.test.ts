import { describe, expect, it } from "vitest";
import { EngineError } from "../../core/synthesis-engine";
import { listModels } from "./list-models";

function fetchReturning(make: () => Response | Promise<Response>) {
  const seen: Array<{ url: string; headers: unknown }> = [];
  const fetchImpl: typeof fetch = (input, init) => {
    seen.push({ url: typeof input === "string" ? input : "?", headers: init?.headers });
    return Promise.resolve().then(make);
  };
  return { fetch: fetchImpl, seen };
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

describe("listModels", () => {
  it("returns the served model ids from GET {baseUrl}/models", async () => {
    const { fetch, seen } = fetchReturning(() =>
      Response.json({ object: "list", data: [{ id: "a" }, { id: "b" }, { nope: 1 }] }),
    );
    expect(await listModels("http://srv/v1/", "key", fetch)).toEqual(["a", "b"]);
    expect(seen).toEqual([
      { url: "http://srv/v1/models", headers: { Authorization: "Bearer key" } },
    ]);
  });

  it("maps 401 to the API key and 404 to the base URL", async () => {
    const denied = fetchReturning(() => new Response("no", { status: 401 }));
    const e401 = await failure(listModels("http://srv/v1", undefined, denied.fetch));
    expect(e401.kind).toBe("http");
    expect(e401.message).toContain("API key");

    const missing = fetchReturning(() => new Response("Not Found", { status: 404 }));
    const e404 = await failure(listModels("http://srv", undefined, missing.fetch));
    expect(e404.message).toContain("http://srv/models");
    expect(e404.message).toContain("should end in /v1");
  });

  it("maps a failed fetch to the network/CORS explanation", async () => {
    const down = fetchReturning(() => Promise.reject(new TypeError("Failed to fetch")));
    const err = await failure(listModels("http://srv/v1", undefined, down.fetch));
    expect(err.kind).toBe("network");
    expect(err.message).toContain("CORS");
  });

  it("reports an answer that is not a model list as malformed", async () => {
    const page = fetchReturning(() => new Response("<html></html>"));
    const err = await failure(listModels("http://srv/v1", undefined, page.fetch));
    expect(err.kind).toBe("malformed-response");
    expect(err.detail).toBe("<html></html>");

    const noData = fetchReturning(() => Response.json({ models: [] }));
    expect((await failure(listModels("http://srv/v1", undefined, noData.fetch))).kind).toBe(
      "malformed-response",
    );
  });
});
