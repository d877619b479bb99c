// Runs the shared cases through the generated TypeScript client: each
// server message must come out of `formatMessage` exactly.
import { formatMessage } from "./errors";

declare const require: (name: string) => { readFileSync(path: string, encoding: string): string };
declare const process: { argv: string[]; exit(code: number): never };

interface Case {
  readonly code: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly accept_language: string;
  readonly message: string;
  readonly body: string;
  readonly big: boolean;
}

const cases = JSON.parse(require("fs").readFileSync(process.argv[2] ?? "", "utf8")) as Case[];
const format = formatMessage as (code: number, params: Readonly<Record<string, unknown>>, lang?: string) => string;
let checked = 0;
const failures: string[] = [];
for (const c of cases) {
  // A number beyond 2^53 is no JavaScript number: such cases are the
  // other clients'.
  if (c.big) continue;
  checked++;
  const got = format(c.code, c.params, c.accept_language);
  const fromBody = JSON.parse(c.body) as { code: number; message: string; params?: Record<string, unknown> };
  const again = format(fromBody.code, fromBody.params ?? {}, c.accept_language);
  if (got !== c.message || again !== c.message || fromBody.message !== c.message) {
    failures.push(JSON.stringify({ header: c.accept_language, code: c.code, want: c.message, got, again }));
  }
}
console.log(JSON.stringify({ checked, failures }));
process.exit(failures.length === 0 ? 0 : 1);
