/**
 * A container's files as a WorkspaceFs, for shells entered with `kubectl run -it` and
 * `kubectl exec`: the image's files and volume mounts (ConfigMap volumes, nginx's html) as the
 * network model computes them (src/cluster/network/filesystem.ts), a skeleton of the usual
 * Linux directories and the files the kubelet writes (/etc/hostname, /etc/hosts,
 * /etc/resolv.conf), and an in-memory overlay for what the user writes. ConfigMap mounts are
 * read-only (EACCES). The overlay lives as long as this object: a new shell in the same
 * container (a second `kubectl exec`) starts from the image again.
 */
import type { Cluster } from '../cluster/cluster.js';
import { containerFilesystem, type ContainerFilesystem } from '../cluster/network/index.js';
import type { Pod } from '../cluster/types.js';
import { FsError, normalizePath, type FileKind, type WorkspaceFs } from '../workspace/workspace-fs.js';
import type { ContainerPlace } from './types.js';

const SKELETON = ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/sbin', '/usr/share', '/var', '/var/log', '/sbin', '/lib'];

/** The files the kubelet and the runtime place in every container. */
function kubeletFiles(pod: Pod | undefined, namespace: string): Map<string, string> {
  const name = pod?.metadata.name ?? 'localhost';
  const ip = pod?.status?.podIP;
  return new Map([
    ['/etc/hostname', `${name}\n`],
    ['/etc/hosts', `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip ? `${ip}\t${name}\n` : ''}`],
    ['/etc/resolv.conf', `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`],
  ]);
}

/** A WorkspaceFs over one container's files with a writable overlay. */
export class ContainerFs implements WorkspaceFs {
  private current: string;
  private readonly written = new Map<string, Uint8Array>();
  private readonly madeDirs = new Set<string>();
  private readonly removed = new Set<string>();

  constructor(
    private readonly cluster: Cluster,
    private readonly place: ContainerPlace,
    cwd = '/',
  ) {
    this.current = cwd;
    if (this.stat(cwd) !== 'dir') this.current = '/';
  }

  /** The image and volume files as they are now (ConfigMap edits show at once). */
  private base(): { files: Map<string, string>; view?: ContainerFilesystem } {
    const pod = this.cluster.store.peek<Pod>('Pod', this.place.namespace, this.place.pod);
    const files = kubeletFiles(pod, this.place.namespace);
    const container = pod?.spec.containers.find((c) => c.name === this.place.container);
    if (!pod || !container) return { files };
    const view = containerFilesystem(this.cluster.store, pod, container);
    for (const [path, entry] of view.files) files.set(path, entry.content);
    return { files, view };
  }

  private isRemoved(abs: string): boolean {
    for (const r of this.removed) if (abs === r || abs.startsWith(`${r}/`)) return true;
    return false;
  }

  private fileAt(abs: string): Uint8Array | undefined {
    const w = this.written.get(abs);
    if (w) return w;
    if (this.isRemoved(abs)) return undefined;
    const text = this.base().files.get(abs);
    return text === undefined ? undefined : new TextEncoder().encode(text);
  }

  private allPaths(): { files: string[]; dirs: Set<string> } {
    const { files: baseFiles, view } = this.base();
    const files = [...baseFiles.keys()].filter((p) => !this.isRemoved(p) || this.written.has(p));
    for (const p of this.written.keys()) if (!files.includes(p)) files.push(p);
    const dirs = new Set<string>(['/']);
    for (const d of [...SKELETON, ...(view?.mounts.map((m) => m.mountPath.replace(/\/+$/, '')) ?? [])]) if (!this.isRemoved(d)) dirs.add(d);
    for (const d of this.madeDirs) dirs.add(d);
    for (const f of files) for (let p = parentOf(f); p !== '/'; p = parentOf(p)) dirs.add(p);
    for (const d of [...dirs]) for (let p = parentOf(d); p !== '/'; p = parentOf(p)) dirs.add(p);
    return { files, dirs };
  }

  private readOnly(abs: string): boolean {
    const view = this.base().view;
    return (view?.mounts ?? []).some((m) => m.readOnly && (abs === m.mountPath.replace(/\/+$/, '') || abs.startsWith(`${m.mountPath.replace(/\/+$/, '')}/`)));
  }

  cwd(): string {
    return this.current;
  }

  chdir(path: string): void {
    const abs = normalizePath(this.current, path);
    const kind = this.stat(abs);
    if (kind !== 'dir') throw new FsError(kind === 'file' ? 'ENOTDIR' : 'ENOENT', path);
    this.current = abs;
  }

  stat(path: string): FileKind | undefined {
    const abs = normalizePath(this.current, path);
    if (this.fileAt(abs)) return 'file';
    return this.allPaths().dirs.has(abs) ? 'dir' : undefined;
  }

  readFile(path: string): Uint8Array {
    const abs = normalizePath(this.current, path);
    const data = this.fileAt(abs);
    if (data) return data;
    throw new FsError(this.stat(abs) === 'dir' ? 'EISDIR' : 'ENOENT', path);
  }

  writeFile(path: string, data: Uint8Array | string): void {
    const abs = normalizePath(this.current, path);
    if (this.stat(abs) === 'dir') throw new FsError('EISDIR', path);
    if (this.stat(parentOf(abs)) !== 'dir') throw new FsError('ENOENT', path);
    if (this.readOnly(abs)) throw new FsError('EACCES', path);
    this.written.set(abs, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  }

  readDir(path: string): string[] {
    const abs = normalizePath(this.current, path);
    const { files, dirs } = this.allPaths();
    if (!dirs.has(abs)) throw new FsError(files.includes(abs) ? 'ENOTDIR' : 'ENOENT', path);
    const prefix = abs === '/' ? '/' : `${abs}/`;
    const names = new Set<string>();
    for (const p of [...files, ...dirs]) if (p !== abs && p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    return [...names].sort();
  }

  mkdir(path: string, recursive = false): void {
    const abs = normalizePath(this.current, path);
    const kind = this.stat(abs);
    if (kind === 'dir' && recursive) return;
    if (kind !== undefined) throw new FsError('EEXIST', path);
    if (this.stat(parentOf(abs)) !== 'dir') {
      if (!recursive) throw new FsError('ENOENT', path);
      this.mkdir(parentOf(abs), true);
    }
    if (this.readOnly(abs)) throw new FsError('EACCES', path);
    this.removed.delete(abs);
    this.madeDirs.add(abs);
  }

  remove(path: string, recursive = false): void {
    const abs = normalizePath(this.current, path);
    const kind = this.stat(abs);
    if (kind === undefined || abs === '/') throw new FsError('ENOENT', path);
    if (this.readOnly(abs)) throw new FsError('EACCES', path);
    if (kind === 'dir' && this.readDir(abs).length > 0 && !recursive) throw new FsError('ENOTEMPTY', path);
    for (const p of [...this.written.keys()]) if (p === abs || p.startsWith(`${abs}/`)) this.written.delete(p);
    for (const d of [...this.madeDirs]) if (d === abs || d.startsWith(`${abs}/`)) this.madeDirs.delete(d);
    this.removed.add(abs);
  }
}

function parentOf(abs: string): string {
  return abs.slice(0, abs.lastIndexOf('/')) || '/';
}
