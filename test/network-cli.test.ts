/**
 * `tetrad network exposure`: table and JSON output, --port, --verdict, bad flags. Run in process
 * through the command group (the same functions main.ts registers).
 */
import { Command, CommanderError } from 'commander';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePorts, registerNetwork } from '../src/cli/network.js';
import { UsageError } from '../src/cli/options.js';
import { tetrad } from './support/cli.js';

const CASES = fileURLToPath(new URL('./reachability/aws/', import.meta.url));

async function run(args: string[]): Promise<string> {
  const program = new Command('tetrad').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerNetwork(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('tetrad network exposure', () => {
  it('prints each verdict with the hop-by-hop path and the rules at file:line', async () => {
    const out = await run(['network', 'exposure', `${CASES}lb-sg-to-sg-chain`]);
    expect(out).toContain('aws_lb.web → aws_instance.app:8080  tcp/443 ipv4  EXPOSED');
    expect(out).toMatch(/listener aws_lb_listener\.front\n\s+listener HTTP 443 {2}\[aws_lb_listener\.front port @ .*lb-sg-to-sg-chain\/main\.tf:\d+\]/);
    expect(out).toMatch(/security-group aws_security_group\.app\n\s+allow tcp 8080 from sg aws_security_group\.alb\.id/);
    expect(out).toContain('2 exposed, 0 unknown, 0 not exposed');
  });

  it('names the blocking hop for a port asked with --port, and filters by verdict', async () => {
    const out = await run(['network', 'exposure', `${CASES}nacl-deny-before-allow`, '--port', '22,80']);
    expect(out).toContain('aws_instance.web  tcp/22 ipv4  NOT EXPOSED (nacl)');
    expect(out).toContain('rule 100 deny tcp 22 from 0.0.0.0/0');
    expect(out).toContain('aws_instance.web  tcp/80 ipv4  EXPOSED');
    const only = await run(['network', 'exposure', `${CASES}nacl-deny-before-allow`, '--port', '22,80', '--verdict', 'exposed']);
    expect(only).not.toContain('NOT EXPOSED');
  });

  it('writes JSON exposures with paths, blockedBy and unknowns', async () => {
    const out = JSON.parse(await run(['network', 'exposure', `${CASES}unknown-public-ip`, '--format', 'json']));
    expect(out.exposures).toHaveLength(1);
    expect(out.exposures[0]).toMatchObject({ endpointId: 'aws_instance.web', protocol: 'tcp', ports: { from: 22, to: 22 }, verdict: 'unknown' });
    expect(out.exposures[0].unknowns[0]).toContain('associate_public_ip_address');
    expect(out.exposures[0].path[0]).toMatchObject({ kind: 'internet', resourceId: 'internet' });
  });

  it('adds east-west flows between peered VPCs with --peering', async () => {
    const without = await run(['network', 'exposure', `${CASES}peering-east-west`]);
    expect(without).not.toContain('aws_vpc.a →');
    const out = await run(['network', 'exposure', `${CASES}peering-east-west`, '--peering']);
    expect(out).toContain('aws_vpc.a → aws_instance.db  tcp/5432 ipv4  EXPOSED');
    expect(out).toMatch(/vpc-peering aws_vpc_peering_connection\.ab\n\s+auto_accept = true/);
    expect(out).toContain('aws_instance.db → aws_instance.app  tcp/8080 ipv4  NOT EXPOSED (no-route)');
    expect(out).toContain('does not route 10.1.0.0/16 back through aws_vpc_peering_connection.ab');
  });

  it('rejects a bad --port and a missing path', async () => {
    expect(() => parsePorts(['70000'])).toThrow(UsageError);
    expect(() => parsePorts(['30-20'])).toThrow(/--port expects/);
    expect(parsePorts(['22,8000-8100'])).toEqual([{ from: 22, to: 22 }, { from: 8000, to: 8100 }]);
    await expect(run(['network', 'exposure', `${CASES}no-such-case`])).rejects.toThrow(/no such file or folder/);
    await expect(run(['network', 'exposure', '--protocol', 'icmp', CASES])).rejects.toBeInstanceOf(CommanderError);
  });

  it('runs from the built CLI (tetrad network exposure), exit code 0', () => {
    const r = tetrad(['network', 'exposure', 'test/reachability/aws/nacl-deny-before-allow', '--port', '22', '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.exposures).toHaveLength(1);
    expect(out.exposures[0]).toMatchObject({ endpointId: 'aws_instance.web', verdict: 'not-exposed', blockedBy: 'nacl' });
    const help = tetrad(['network', '--help']);
    expect(help.stdout).toContain('exposure');
  });
});
