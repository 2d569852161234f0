/**
 * nslookup against the cluster DNS (kube-dns at 10.96.0.10), in three output styles:
 * busybox ≥ 1.29 (its own resolver: `Server:\t\t10.96.0.10` / `Address:\t10.96.0.10:53`,
 * `Name:\t<fqdn>` / `Address: <ip>`, `** server can't find <name>: NXDOMAIN`), busybox 1.28
 * (libc resolver: `Address 1: <ip> <reverse name>`, `nslookup: can't resolve '<name>'`), and
 * bind-tools (netshoot: `Address:\t10.96.0.10#53`).
 *
 * Simplified: the AAAA queries and the NXDOMAIN answers for the other search domains that
 * busybox ≥ 1.29 also prints (in whatever order they arrive) are left out.
 */
import { networkOf } from '../../cluster/network/index.js';
import { searchCandidates } from '../../cluster/network/dns.js';
import type { CommandFn } from '../types.js';
import { imageTools } from './image-tools.js';

/** The cluster DNS Service address (kube-dns in kube-system). */
export const CLUSTER_DNS_IP = '10.96.0.10';

/** nslookup. */
export const nslookup: CommandFn = (ctx) => {
  const args = ctx.args.filter((a) => !a.startsWith('-'));
  const name = args[0];
  const tools = ctx.place.kind === 'container' ? imageTools(ctx.place.image) : undefined;
  const style = tools?.nslookup === 'bind' ? 'bind' : tools?.busyboxVersion && /^1\.2[0-8](\.|$)/.test(tools.busyboxVersion) ? 'old' : 'busybox';
  if (name === undefined) {
    ctx.stderr(style === 'bind' ? 'nslookup: no host given\n' : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n');
    return 1;
  }
  if (ctx.place.kind === 'workstation') {
    ctx.stderr(`;; connection timed out; no servers could be reached\n`);
    return 1;
  }
  const namespace = ctx.place.namespace;
  const answer = networkOf(ctx.cluster).resolve(name, namespace);
  if (style === 'old') {
    ctx.stdout(`Server:    ${CLUSTER_DNS_IP}\nAddress 1: ${CLUSTER_DNS_IP} kube-dns.kube-system.svc.cluster.local\n\n`);
    if (!answer) {
      ctx.stderr(`nslookup: can't resolve '${name}'\n`);
      return 1;
    }
    const lines = answer.ips.map((ip, i) => `Address ${i + 1}: ${ip}${answer.target.kind === 'IP' ? '' : ` ${answer.fqdn}`}`);
    ctx.stdout(`Name:      ${name}\n${lines.join('\n')}\n`);
    return 0;
  }
  ctx.stdout(`Server:\t\t${CLUSTER_DNS_IP}\nAddress:\t${CLUSTER_DNS_IP}${style === 'bind' ? '#' : ':'}53\n\n`);
  if (!answer) {
    if (style === 'bind') ctx.stdout(`** server can't find ${name}: NXDOMAIN\n\n`);
    else for (const fqdn of searchCandidates(name, namespace)) ctx.stdout(`** server can't find ${fqdn}: NXDOMAIN\n\n`);
    return 1;
  }
  if (answer.target.kind === 'IP') {
    const reverse = reverseName(ctx, answer.ip);
    if (!reverse) {
      ctx.stdout(`** server can't find ${answer.ip.split('.').reverse().join('.')}.in-addr.arpa: NXDOMAIN\n\n`);
      return 1;
    }
    ctx.stdout(`${answer.ip.split('.').reverse().join('.')}.in-addr.arpa\tname = ${reverse}\n\n`);
    return 0;
  }
  ctx.stdout(answer.ips.map((ip) => `Name:\t${answer.fqdn}\nAddress: ${ip}\n`).join('') + '\n');
  return 0;
};

/** The PTR name of a ClusterIP (`svc.ns.svc.cluster.local`), if one holds it. */
function reverseName(ctx: Parameters<CommandFn>[0], ip: string): string | undefined {
  const svc = networkOf(ctx.cluster).serviceByClusterIp(ip);
  return svc ? `${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local` : undefined;
}
