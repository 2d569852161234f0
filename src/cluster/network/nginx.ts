/**
 * The nginx container model: the official image's document root and the default server's
 * answers (GET/HEAD of static files, index.html for a directory, 301 for a directory without
 * the slash, 404/405 pages) with nginx's headers and exact error pages.
 * Pages checked against the docker-nginx images: the welcome page is 612 bytes up to 1.19
 * and 615 bytes from 1.21 (the `color-scheme` rule); error pages end lines with CRLF and
 * drop `bgcolor="white"` from 1.17.
 */
import type { ContainerFilesystem, FileEntry } from './filesystem.js';
import { isDirectory } from './filesystem.js';

/** The nginx document root in the official image. */
export const NGINX_HTML_DIR = '/usr/share/nginx/html';

const WELCOME_OLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const WELCOME_NEW = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** Image build times (the mtime of the html files, hence Last-Modified and ETag), by version. */
const BUILD_TIMES: Record<string, string> = {
  '1.14.2': '2018-12-04T14:44:49Z',
  '1.15.12': '2019-04-16T13:08:19Z',
  '1.16.1': '2019-08-13T08:50:00Z',
  '1.17.10': '2020-04-14T14:19:26Z',
  '1.19.10': '2021-04-13T15:13:59Z',
  '1.21.6': '2022-01-25T15:03:52Z',
  '1.23.4': '2023-03-28T15:01:54Z',
  '1.25.5': '2024-04-16T14:29:59Z',
  '1.27.5': '2025-04-16T12:55:34Z',
  '1.29.1': '2025-08-13T16:34:01Z',
};

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** The welcome page the image of `version` ships. */
export function nginxWelcomePage(version: string): string {
  return versionAtLeast(version, 1, 21) ? WELCOME_NEW : WELCOME_OLD;
}

/** The files of the nginx image below the document root. */
export function nginxImageFiles(version: string): Map<string, FileEntry> {
  const mtimeMs = Date.parse(BUILD_TIMES[version] ?? '2020-01-01T00:00:00Z');
  const fifty = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
${versionAtLeast(version, 1, 21) ? 'html { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }' : '    body {\n        width: 35em;\n        margin: 0 auto;\n        font-family: Tahoma, Verdana, Arial, sans-serif;\n    }'}
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;
  return new Map([
    [`${NGINX_HTML_DIR}/50x.html`, { content: fifty, mtimeMs, source: 'image' }],
    [`${NGINX_HTML_DIR}/index.html`, { content: nginxWelcomePage(version), mtimeMs, source: 'image' }],
  ]);
}

/** An HTTP response as the modelled server sends it. */
export interface HttpResponse {
  status: number;
  statusText: string;
  /** Header name/value pairs in the order the server writes them. */
  headers: [string, string][];
  body: string;
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed' };

/** nginx's built-in error page (`ngx_http_special_response.c`), CRLF line ends. */
export function nginxErrorPage(status: number, version: string): string {
  const title = `${status} ${STATUS_TEXT[status]}`;
  const body = versionAtLeast(version, 1, 17) ? '<body>' : '<body bgcolor="white">';
  return [`<html>`, `<head><title>${title}</title></head>`, body, `<center><h1>${title}</h1></center>`, `<hr><center>nginx/${version}</center>`, `</body>`, `</html>`, ''].join('\r\n');
}

/** `Tue, 04 Dec 2018 14:44:49 GMT`. */
export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', txt: 'text/plain', xml: 'text/xml', png: 'image/png', svg: 'image/svg+xml' };

function contentType(path: string): string {
  const ext = path.includes('.') ? path.slice(path.lastIndexOf('.') + 1).toLowerCase() : '';
  return MIME[ext] ?? 'application/octet-stream';
}

/** Serves one request the way nginx's default server (root /usr/share/nginx/html) does. */
export function serveNginx(version: string, fs: ContainerFilesystem, method: string, target: string, host: string, nowMs: number): HttpResponse {
  const server = `nginx/${version}`;
  const date = httpDate(nowMs);
  const path = decodeURIComponent(target.split('?')[0] || '/');
  const error = (status: number, extra: [string, string][] = []): HttpResponse => {
    const page = nginxErrorPage(status, version);
    return {
      status,
      statusText: STATUS_TEXT[status],
      headers: [['Server', server], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(Buffer.byteLength(page))], ...extra, ['Connection', 'keep-alive']],
      body: method === 'HEAD' ? '' : page,
    };
  };
  if (method !== 'GET' && method !== 'HEAD') return error(405);
  let file = `${NGINX_HTML_DIR}${path}`;
  if (path.endsWith('/')) file = `${file}index.html`;
  else if (!fs.files.has(file) && isDirectory(fs, file)) {
    const page = nginxErrorPage(301, version);
    return {
      status: 301,
      statusText: STATUS_TEXT[301],
      headers: [['Server', server], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(Buffer.byteLength(page))], ['Location', `http://${host}${path}/`], ['Connection', 'keep-alive']],
      body: method === 'HEAD' ? '' : page,
    };
  }
  const entry = fs.files.get(file);
  if (!entry) return error(path.endsWith('/') && isDirectory(fs, file.slice(0, -'index.html'.length)) ? 403 : 404);
  const size = Buffer.byteLength(entry.content);
  const etag = `"${Math.floor(entry.mtimeMs / 1000).toString(16)}-${size.toString(16)}"`;
  return {
    status: 200,
    statusText: 'OK',
    headers: [
      ['Server', server],
      ['Date', date],
      ['Content-Type', contentType(file)],
      ['Content-Length', String(size)],
      ['Last-Modified', httpDate(entry.mtimeMs)],
      ['Connection', 'keep-alive'],
      ['ETag', etag],
      ['Accept-Ranges', 'bytes'],
    ],
    body: method === 'HEAD' ? '' : entry.content,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's `$time_local` in UTC containers: `19/Aug/2025:09:00:10 +0000`. */
export function nginxTimeLocal(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/**
 * One access log line in the official image's `log_format main` (nginx.conf of docker-nginx):
 * `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
 * "$http_referer" "$http_user_agent" "$http_x_forwarded_for"`; empty variables print `-`.
 */
export function accessLogLine(client: { ip: string; userAgent?: string }, method: string, target: string, httpVersion: string, response: HttpResponse, nowMs: number): string {
  const bytes = Buffer.byteLength(response.body);
  const agent = client.userAgent === undefined || client.userAgent === '' ? '-' : client.userAgent;
  return `${client.ip} - - [${nginxTimeLocal(nowMs)}] "${method} ${target} ${httpVersion}" ${response.status} ${bytes} "-" "${agent}" "-"\n`;
}
