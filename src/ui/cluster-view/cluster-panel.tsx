/**
 * The live cluster view and the traffic panel as ink components. Both read the runtime's
 * cluster view model, which remakes its picture only when the store moved (at most four times
 * a virtual second while time runs), and are memoized on what they draw, so a frame that only
 * moved the clock or printed output does not lay them out again.
 */
import { memo, useMemo } from 'react';
import type { StyledLine } from '../layout/styled-line.js';
import { StyledLines } from '../layout/styled-lines.js';
import type { ClusterPicture } from './cluster-picture.js';
import { clusterLines } from './cluster-lines.js';
import type { ServiceTraffic } from './traffic-log.js';
import { trafficLines } from './traffic-lines.js';
import type { ViewStrings } from './view-strings.js';

/** Props of the cluster panel. */
export interface ClusterPanelProps {
  picture: ClusterPicture;
  text: ViewStrings;
  width: number;
  /** Rows of content; undefined: all. */
  height?: number;
}

/** Deployments → ReplicaSets → pods, and the Services with where they send traffic. */
export const ClusterPanel = memo(function ClusterPanel({ picture, text, width, height }: ClusterPanelProps) {
  const lines = useMemo<StyledLine[]>(() => clusterLines(picture, width, height, text), [picture, width, height, text]);
  return <StyledLines lines={lines} width={width} height={height} />;
});

/** Props of the traffic panel. */
export interface TrafficPanelProps {
  traffic: readonly ServiceTraffic[];
  text: ViewStrings;
  width: number;
  height?: number;
}

/** Bars of who answered the recent requests, per Service and version. */
export const TrafficPanel = memo(function TrafficPanel({ traffic, text, width, height }: TrafficPanelProps) {
  const lines = useMemo<StyledLine[]>(() => trafficLines(traffic, width, height, text), [traffic, width, height, text]);
  return <StyledLines lines={lines} width={width} height={height} />;
});
