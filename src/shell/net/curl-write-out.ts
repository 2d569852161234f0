/**
 * curl's `-w/--write-out` (src/tool_writeout.c): `%{var}` replaced from the finished transfer,
 * `%{stderr}`/`%{stdout}` switch the stream, `%%` is `%`, `\n` `\r` `\t` `\\` are escapes.
 * Times are seconds with six decimals; kubelab's in-cluster exchanges take a fixed fraction
 * of a millisecond per phase (the virtual clock does not move for them).
 */
import type { HttpOutcome } from './http-client.js';

/** What -w can report about one transfer. */
export interface TransferInfo {
  outcome: HttpOutcome;
  url: string;
  method: string;
  redirects: number;
  exitCode: number;
  errorMessage: string;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(6);
}

/** The value of one variable, or undefined if curl has no such variable. */
function variable(name: string, info: TransferInfo): string | undefined {
  const o = info.outcome;
  const response = o.kind === 'response' ? o.result : undefined;
  const connected = o.kind === 'response';
  const resolvedHost = o.kind === 'response' || o.kind === 'refused' || o.kind === 'timeout';
  // Per-phase virtual durations, in ms: DNS, TCP connect, server time, transfer.
  const dns = resolvedHost ? 0.412 : 0;
  const connect = connected ? dns + 0.087 : o.kind === 'timeout' || o.kind === 'refused' ? dns : 0;
  const start = connected ? connect + 0.391 : 0;
  const total = connected ? start + 0.052 : Math.max(o.elapsedMs, dns);
  const body = response ? (info.method === 'HEAD' ? 0 : Buffer.byteLength(response.body)) : 0;
  const headerSize = response ? Buffer.byteLength(`HTTP/1.1 ${response.status} ${response.statusText}\r\n${response.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`) : 0;
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(response?.status ?? 0).padStart(3, '0');
    case 'time_namelookup':
      return seconds(dns);
    case 'time_connect':
      return seconds(connect);
    case 'time_appconnect':
      return seconds(0);
    case 'time_pretransfer':
      return seconds(connected ? connect + 0.021 : 0);
    case 'time_starttransfer':
      return seconds(start);
    case 'time_redirect':
      return seconds(0);
    case 'time_total':
      return seconds(total);
    case 'size_download':
      return String(body);
    case 'size_header':
      return String(headerSize);
    case 'size_upload':
      return '0';
    case 'size_request':
      return connected ? String(Buffer.byteLength(`${info.method} ${o.result.target.path} HTTP/1.1\r\nHost: ${o.result.target.host}\r\nUser-Agent: curl\r\nAccept: */*\r\n\r\n`)) : '0';
    case 'speed_download':
      return connected && total > 0 ? String(Math.floor((body * 1000) / total)) : '0';
    case 'speed_upload':
      return '0';
    case 'remote_ip':
      return resolvedHost ? o.remoteIp : '';
    case 'remote_port':
      return resolvedHost ? String(o.kind === 'response' ? o.remotePort : o.target.port) : '0';
    case 'url_effective':
      return info.url;
    case 'url':
      return info.url;
    case 'content_type':
      return response?.headers.find(([n]) => n === 'Content-Type')?.[1] ?? '';
    case 'num_redirects':
      return String(info.redirects);
    case 'num_connects':
      return connected ? '1' : '0';
    case 'exitcode':
      return String(info.exitCode);
    case 'errormsg':
      return info.errorMessage;
    case 'method':
      return info.method;
    case 'scheme':
      return (o.kind === 'response' ? o.result.target.scheme : 'http').toUpperCase();
    case 'http_version':
      return connected ? '1.1' : '0';
    default:
      return undefined;
  }
}

/** Expands a -w format; returns what goes to stdout and to stderr. */
export function formatWriteOut(format: string, info: TransferInfo): { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  let stream: 'stdout' | 'stderr' = 'stdout';
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === '%' && format[i + 1] === '%') {
      out[stream] += '%';
      i += 2;
    } else if (c === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i);
      if (end < 0) {
        out[stream] += format.slice(i);
        break;
      }
      const name = format.slice(i + 2, end);
      if (name === 'stderr' || name === 'stdout') stream = name;
      else {
        const value = variable(name, info);
        if (value === undefined) out.stderr += `curl: unknown --write-out variable: '${name}'\n`;
        else out[stream] += value;
      }
      i = end + 1;
    } else if (c === '\\' && i + 1 < format.length && 'nrt\\'.includes(format[i + 1])) {
      out[stream] += { n: '\n', r: '\r', t: '\t', '\\': '\\' }[format[i + 1]]!;
      i += 2;
    } else {
      out[stream] += c;
      i++;
    }
  }
  return out;
}
