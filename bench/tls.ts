// A throwaway self-signed certificate for 127.0.0.1, so a benchmark can run the fixture server
// over HTTP/2 (browsers speak HTTP/2 only over TLS). The browser is started with
// --ignore-certificate-errors; nothing else trusts this certificate.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../src/cli/cli-harness";

export function selfSignedCert(): { key: string; cert: string } {
  const dir = tempDir();
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
}
