/**
 * What each image kubelab knows has inside, as data: its shell family (busybox ash, Debian
 * bash/dash, Alpine bash), which network clients it ships and in which version (their
 * messages differ between versions), its working directory and the prompts its shells print.
 *
 * Checked against the images' Dockerfiles: busybox has wget, nslookup and nc but no curl;
 * nginx's Debian images install curl only from 1.19 (the 1.14–1.17 stretch/buster images
 * install `gettext-base` alone); nginx:alpine has busybox and curl; curlimages/curl is Alpine
 * with curl as user `curl_user`; nicolaka/netshoot is Alpine with curl, bind-tools nslookup,
 * busybox wget, OpenBSD-style nc and bash.
 */
import { parseImage } from '../../cluster/kubelet/images.js';

/** How curl of one version words its errors. */
export type CurlStyle =
  /** curl ≤ 7.74: `Failed to connect to h port 80: Connection refused`, `error: 404 Not Found`. */
  | 'classic'
  /** curl ≥ 7.87 (connection filters): `Failed to connect to h port 80 after 0 ms: Couldn't connect to server`. */
  | 'modern';

/** The tools of one image. */
export interface ImageTools {
  /** busybox ash (`sh: x: not found`), Debian (bash/dash), or Alpine with bash added. */
  family: 'busybox' | 'debian' | 'alpine-bash';
  /** Shell programs the image has. */
  shells: string[];
  /** Network clients present, by command name (keys of NETWORK_COMMANDS). */
  network: string[];
  /** curl's version and message style, when curl is present. */
  curl?: { version: string; style: CurlStyle };
  /** busybox version (wget and nslookup output differ before 1.29). */
  busyboxVersion?: string;
  /** nc flavour: busybox applet or OpenBSD netcat. */
  nc?: 'busybox' | 'openbsd';
  /** nslookup flavour: busybox applet or bind-tools. */
  nslookup?: 'busybox' | 'bind';
  /** The working directory a shell starts in (the image's WORKDIR). */
  workdir: string;
  /** The login user. */
  user: string;
}

const BUSYBOX_NET = ['wget', 'nslookup', 'nc'];

function nginxCurl(version: string): ImageTools['curl'] {
  const [maj, min] = version.split('.').map(Number);
  if (maj === 1 && min < 19) return undefined;
  // Debian buster (1.19) curl 7.64.0, bullseye (1.21, 1.23) 7.74.0, bookworm (1.25+) 7.88.1.
  if (min < 21) return { version: '7.64.0', style: 'classic' };
  if (min < 25) return { version: '7.74.0', style: 'classic' };
  return { version: '7.88.1', style: 'modern' };
}

/** The tools of an image as written in a pod spec (`busybox`, `nginx:1.14`, `curlimages/curl`). */
export function imageTools(image: string): ImageTools {
  const ref = parseImage(image);
  const repo = ref.repository;
  if (repo === 'docker.io/library/busybox') {
    const version = ref.tag === 'latest' || ref.tag === 'stable' ? '1.36.1' : ref.tag;
    return { family: 'busybox', shells: ['sh', 'ash'], network: BUSYBOX_NET, busyboxVersion: version, nc: 'busybox', nslookup: 'busybox', workdir: '/', user: 'root' };
  }
  if (repo === 'docker.io/curlimages/curl') {
    const version = ref.tag === 'latest' ? '8.15.0' : ref.tag;
    return { family: 'busybox', shells: ['sh', 'ash'], network: ['curl', ...BUSYBOX_NET], curl: { version, style: 'modern' }, busyboxVersion: '1.37.0', nc: 'busybox', nslookup: 'busybox', workdir: '/home/curl_user', user: 'curl_user' };
  }
  if (repo === 'docker.io/nicolaka/netshoot') {
    return { family: 'alpine-bash', shells: ['sh', 'ash', 'bash', 'zsh'], network: ['curl', 'wget', 'nslookup', 'nc'], curl: { version: '8.14.1', style: 'modern' }, busyboxVersion: '1.37.0', nc: 'openbsd', nslookup: 'bind', workdir: '/root', user: 'root' };
  }
  if (repo === 'docker.io/library/nginx') {
    if (ref.tag === 'alpine') {
      return { family: 'busybox', shells: ['sh', 'ash'], network: ['curl', ...BUSYBOX_NET], curl: { version: '8.14.1', style: 'modern' }, busyboxVersion: '1.37.0', nc: 'busybox', nslookup: 'busybox', workdir: '/', user: 'root' };
    }
    const version = ref.tag === 'latest' ? '1.29' : ref.tag;
    const curl = nginxCurl(version);
    return { family: 'debian', shells: ['sh', 'bash', 'dash'], network: curl ? ['curl'] : [], curl, workdir: '/', user: 'root' };
  }
  // Unknown images never start (the kubelet cannot pull them); give them a bare busybox view.
  return { family: 'busybox', shells: ['sh'], network: [], workdir: '/', user: 'root' };
}

/** The basename of a shell path: `/bin/sh` → `sh`. */
export function shellName(shell: string): string {
  return shell.slice(shell.lastIndexOf('/') + 1);
}

/**
 * The prompt a shell of the image prints, as an interactive non-login shell in a pod named
 * `pod` shows it: busybox ash `\w \$ ` (`/ # `, curl_user's `~ $ `), Debian bash's
 * `root@<pod>:/# `, dash's `# `, Alpine bash's `\h:\w\$ ` (`tmp:~# `).
 */
export function shellPrompt(tools: ImageTools, shell: string, pod: string, cwd = tools.workdir): string {
  const name = shellName(shell);
  const home = tools.user === 'root' ? '/root' : `/home/${tools.user}`;
  const w = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  const sigil = tools.user === 'root' ? '#' : '$';
  if (tools.family === 'debian') {
    if (name === 'bash') return `${tools.user}@${pod}:${w}${sigil} `;
    return `${sigil} `;
  }
  if (name === 'bash' || name === 'zsh') return `${pod}:${w}${sigil} `;
  return `${w} ${sigil} `;
}

/** What the image's shell prints for a command it cannot find (status 127). */
export function commandNotFound(tools: ImageTools, shell: string, command: string): string {
  const name = shellName(shell);
  if (name === 'bash') return `bash: ${command}: command not found\n`;
  if (tools.family === 'debian') return `sh: 1: ${command}: not found\n`;
  return `sh: ${command}: not found\n`;
}
