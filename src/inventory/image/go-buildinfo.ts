/**
 * Version metadata of Go binaries, read while the bytes stream past (a dockerd
 * binary is ~100 MB: it is never held in memory or written to disk).
 *
 * Go 1.18+ binaries carry a build-info blob in `.go.buildinfo`: the 14-byte
 * magic `\xff Go buildinf:`, pointer size, flags, padding to 32 bytes, then
 * (flag 2, "inline strings") the Go version and the module information as
 * uvarint-length-prefixed strings. The module information is
 * `path`/`mod`/`dep`/`=>`/`build` lines between two 16-byte sentinels. Older
 * binaries store pointers to those strings instead; resolving them needs the
 * ELF section table, so for them only the string fallback applies.
 *
 * Hand-written: no npm package reads Go build info; the format is from
 * `debug/buildinfo` in the Go standard library.
 */

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
/** enough for the module list of dockerd (~150 deps) */
const CAPTURE_BYTES = 512 * 1024;
/** fallback: `runc version 1.1.4` printed into the binary by old builds */
const RUNC_VERSION = Buffer.from('runc version ', 'latin1');
/** bytes kept from the end of a chunk to find markers across chunk boundaries */
const EDGE = 64;

export interface GoModule {
  path: string;
  version: string;
}

export interface GoBuildInfo {
  goVersion?: string;
  /** the main package path (`github.com/opencontainers/runc`) */
  path?: string;
  main?: GoModule;
  deps: GoModule[];
  /** build settings: `-ldflags`, `vcs.revision`, `GOOS`... */
  settings: Record<string, string>;
}

export interface BinaryFacts {
  /** undefined: no build info, or a pre-1.18 pointer-format build info (`legacyFormat`) */
  buildInfo?: GoBuildInfo;
  legacyFormat?: boolean;
  /** versions from `runc version X` strings */
  runcVersionStrings: string[];
  size: number;
}

/** Scans a binary fed in chunks for Go build info and `runc version X` strings. */
export class BinaryScanner {
  private carry: Buffer = Buffer.alloc(0);
  private capture: Buffer[] | undefined;
  private captured = 0;
  private captureDone = false;
  private readonly runcVersions = new Set<string>();
  private size = 0;

  push(chunk: Buffer): void {
    this.size += chunk.length;
    let captureHere = false;
    if (this.capture && !this.captureDone) {
      this.capture.push(chunk);
      this.captured += chunk.length;
      if (this.captured >= CAPTURE_BYTES) this.captureDone = true;
    }
    // markers across a chunk boundary: search the previous chunk's tail with this chunk's head
    // (a small copy; concatenating whole chunks cost a copy of every byte and most of the GC time)
    const carried = this.carry.length;
    const edge = carried > 0 ? Buffer.concat([this.carry, chunk.subarray(0, EDGE)]) : undefined;
    if (!this.capture) {
      const atEdge = edge ? edge.indexOf(MAGIC) : -1;
      if (atEdge !== -1 && atEdge < carried) {
        this.capture = [Buffer.from(this.carry.subarray(atEdge)), chunk];
        captureHere = true;
      } else {
        const at = chunk.indexOf(MAGIC);
        if (at !== -1) {
          this.capture = [Buffer.from(chunk.subarray(at))];
          captureHere = true;
        }
      }
      if (captureHere) {
        this.captured = this.capture!.reduce((n, b) => n + b.length, 0);
        if (this.captured >= CAPTURE_BYTES) this.captureDone = true;
      }
    }
    if (edge) this.runcStrings(edge, carried);
    this.runcStrings(chunk, chunk.length);
    // the last EDGE bytes of the stream (not of the chunk: chunks may be shorter than a marker)
    this.carry = chunk.length >= EDGE ? Buffer.from(chunk.subarray(chunk.length - EDGE)) : Buffer.concat([this.carry, chunk]).subarray(-EDGE);
  }

  /** `runc version X` strings starting before `limit` in `buf` */
  private runcStrings(buf: Buffer, limit: number): void {
    for (let at = buf.indexOf(RUNC_VERSION); at !== -1 && at < limit; at = buf.indexOf(RUNC_VERSION, at + 1)) {
      // the version must end inside the window (a following non-version byte), so a string cut at a chunk end is not taken
      const m = /^runc version (\d+\.\d+\.\d+(?:-rc\d+|-[0-9A-Za-z.]+)?(?:\+[0-9A-Za-z.]+)?)(?=[^0-9A-Za-z.+-])/.exec(buf.subarray(at, at + 64).toString('latin1'));
      if (m) this.runcVersions.add(m[1]!);
    }
  }

  result(): BinaryFacts {
    const facts: BinaryFacts = { runcVersionStrings: [...this.runcVersions], size: this.size };
    if (this.capture) {
      const parsed = parseBuildInfo(Buffer.concat(this.capture));
      if (parsed === 'legacy') facts.legacyFormat = true;
      else if (parsed) facts.buildInfo = parsed;
    }
    return facts;
  }
}

function uvarint(buf: Buffer, pos: number): [number, number] | undefined {
  let x = 0;
  let shift = 0;
  for (let i = pos; i < buf.length && i < pos + 10; i++) {
    const b = buf[i]!;
    x += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [x, i + 1];
    shift += 7;
  }
  return undefined;
}

/** Parses a build-info blob starting at the magic; 'legacy' for the pointer format. */
export function parseBuildInfo(blob: Buffer): GoBuildInfo | 'legacy' | undefined {
  if (blob.length < 32 || !blob.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const flags = blob[15]!;
  if ((flags & 2) === 0) return 'legacy';
  const v = uvarint(blob, 32);
  if (!v || v[1] + v[0] > blob.length) return undefined;
  const goVersion = blob.subarray(v[1], v[1] + v[0]).toString('utf8');
  const m = uvarint(blob, v[1] + v[0]);
  if (!m || m[1] + m[0] > blob.length) return { goVersion, deps: [], settings: {} };
  let mod = blob.subarray(m[1], m[1] + m[0]);
  // 16-byte sentinels around the module text (debug/buildinfo strips them the same way)
  if (mod.length >= 33 && mod[mod.length - 17] === 0x0a) mod = mod.subarray(16, mod.length - 16);
  return { goVersion: goVersion || undefined, ...parseModInfo(mod.toString('utf8')) };
}

/** The text of `go version -m`: `path`, `mod`, `dep`, `=>` (replaces the line before) and `build` lines. */
export function parseModInfo(text: string): Omit<GoBuildInfo, 'goVersion'> {
  const out: Omit<GoBuildInfo, 'goVersion'> = { deps: [], settings: {} };
  let last: GoModule | undefined;
  for (const line of text.split('\n')) {
    const [kind, a, b] = line.split('\t');
    if (kind === 'path' && a) out.path = a;
    else if (kind === 'mod' && a) last = out.main = { path: a, version: b ?? '' };
    else if (kind === 'dep' && a) {
      last = { path: a, version: b ?? '' };
      out.deps.push(last);
    } else if (kind === '=>' && a && last) {
      // a replacement: the code that was built is the replacement's
      last.path = a;
      last.version = b ?? '';
    } else if (kind === 'build' && a) {
      const eq = a.indexOf('=');
      if (eq > 0) out.settings[a.slice(0, eq)] = unquoteSetting(a.slice(eq + 1));
    }
  }
  return out;
}

function unquoteSetting(v: string): string {
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  return v;
}

/** `-X name=value` assignments in an `-ldflags` build setting. */
export function ldflagsVariables(ldflags: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!ldflags) return out;
  const re = /-X(?:=|\s+)["']?([^\s="']+)=([^\s"']+)/g;
  for (let m = re.exec(ldflags); m; m = re.exec(ldflags)) out[m[1]!] = m[2]!;
  return out;
}

/**
 * Builds a Go 1.18+ build-info blob (inline strings) for tests and benchmarks:
 * what the Go linker writes into `.go.buildinfo`.
 */
export function encodeBuildInfo(goVersion: string, modinfo: string): Buffer {
  const header = Buffer.alloc(32);
  MAGIC.copy(header, 0);
  header[14] = 8; // pointer size
  header[15] = 2; // inline strings
  const sentinelStart = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
  const sentinelEnd = Buffer.from('f932433186182072008242104116d8f2', 'hex');
  const mod = Buffer.concat([sentinelStart, Buffer.from(modinfo, 'utf8'), sentinelEnd]);
  return Buffer.concat([header, varint(Buffer.byteLength(goVersion)), Buffer.from(goVersion), varint(mod.length), mod]);
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  while (n >= 0x80) {
    bytes.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  bytes.push(n);
  return Buffer.from(bytes);
}
