/**
 * A container's file view, for the HTTP servers modelled here and later for `kubectl exec`
 * and the shell: the image's own files, overlaid by volume mounts. A ConfigMap volume
 * mounted at a directory replaces that directory with one file per key (or per `items`
 * entry); a `subPath` mount places one key as one file. Missing ConfigMaps contribute nothing
 * (the kubelet refuses to start such a pod anyway, unless the volume is optional).
 *
 * Fidelity limits: no `..data` symlinks, no file modes; ConfigMap edits show at once, where a
 * real kubelet refreshes the volume within about a minute (subPath mounts never refresh).
 */
import { parseTimestamp } from '../clock.js';
import type { Store } from '../store.js';
import type { ConfigMap, Container, Pod } from '../types.js';
import { lookupImage, parseImage } from '../kubelet/images.js';
import { nginxImageFiles } from './nginx.js';

/** One file. */
export interface FileEntry {
  content: string;
  /** Modification time, epoch milliseconds. */
  mtimeMs: number;
  /** Where it comes from: `image` or `configmap/<name>`. */
  source: string;
}

/** A container's files by absolute path. */
export interface ContainerFilesystem {
  files: Map<string, FileEntry>;
  /** Mount points (directories or files) in spec order. */
  mounts: { mountPath: string; volume: string; readOnly: boolean }[];
}

/** Computes the file view of one container of a pod. */
export function containerFilesystem(store: Store, pod: Pod, container: Container): ContainerFilesystem {
  const files = new Map<string, FileEntry>();
  const image = container.image ? lookupImage(parseImage(container.image)) : undefined;
  if (image?.behaviour.kind === 'nginx') {
    for (const [path, entry] of nginxImageFiles(image.behaviour.serverVersion!)) files.set(path, entry);
  }
  const mountedAt = pod.status?.startTime ? parseTimestamp(pod.status.startTime) : parseTimestamp(pod.metadata.creationTimestamp ?? '1970-01-01T00:00:00Z');
  const mounts: ContainerFilesystem['mounts'] = [];
  for (const m of container.volumeMounts ?? []) {
    const volume = pod.spec.volumes?.find((v) => v.name === m.name);
    mounts.push({ mountPath: m.mountPath, volume: m.name, readOnly: m.readOnly === true || volume?.configMap !== undefined });
    if (!volume) continue;
    const dir = m.mountPath.replace(/\/+$/, '');
    const volumeFiles = new Map<string, FileEntry>();
    if (volume.configMap) {
      const cm = store.peek<ConfigMap>('ConfigMap', pod.metadata.namespace, volume.configMap.name);
      const data = cm?.data ?? {};
      const items = volume.configMap.items ?? Object.keys(data).sort().map((key) => ({ key, path: key }));
      for (const item of items) {
        if (data[item.key] === undefined) continue;
        volumeFiles.set(item.path, { content: data[item.key], mtimeMs: mountedAt, source: `configmap/${volume.configMap.name}` });
      }
    }
    if (m.subPath !== undefined && m.subPath !== '') {
      const entry = volumeFiles.get(m.subPath);
      if (entry) files.set(dir, entry);
      continue;
    }
    // The mount hides whatever the image had below the mount point.
    for (const path of [...files.keys()]) if (path === dir || path.startsWith(`${dir}/`)) files.delete(path);
    for (const [rel, entry] of volumeFiles) files.set(`${dir}/${rel}`, entry);
  }
  return { files, mounts };
}

/** True if `path` is a directory in the view (some file lies below it, or it is a mount point). */
export function isDirectory(fs: ContainerFilesystem, path: string): boolean {
  const dir = path.replace(/\/+$/, '');
  if (fs.mounts.some((m) => m.mountPath.replace(/\/+$/, '') === dir) && !fs.files.has(dir)) return true;
  for (const p of fs.files.keys()) if (p.startsWith(`${dir}/`)) return true;
  return false;
}

/** The names directly inside a directory, sorted (what `ls` prints). */
export function listDirectory(fs: ContainerFilesystem, path: string): string[] {
  const dir = path.replace(/\/+$/, '');
  const names = new Set<string>();
  for (const p of fs.files.keys()) {
    if (p.startsWith(`${dir}/`)) names.add(p.slice(dir.length + 1).split('/')[0]);
  }
  return [...names].sort();
}
