/**
 * The lesson screen, laid out for the terminal's size (./layout/screen-layout.ts):
 * - under 140 columns the terminal (scrollback, prompt) on top, then ONE of the lesson panel,
 *   the live cluster view or the traffic panel (Ctrl-G switches), then the status line with
 *   the keys;
 * - from 140 columns the terminal over the lesson panel on the left and the cluster view over
 *   the traffic panel on the right.
 * The frame is never taller than the terminal: the scrollback shows its last rows that fit,
 * and PageUp / PageDown scroll it.
 * The terminal comes first so the prompt follows the output, as in a real terminal.
 */
import { Box } from 'ink';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { ClusterPanel, TrafficPanel } from './cluster-view/cluster-panel.js';
import { viewStrings } from './cluster-view/view-strings.js';
import { applyColorMode, ColorContext, noColorRequested } from './layout/color-mode.js';
import { tabRow } from './layout/panel-tabs.js';
import { nextPanel, screenLayout, type PanelName } from './layout/screen-layout.js';
import { StyledLines } from './layout/styled-lines.js';
import { usePanelSwitch } from './layout/use-panel-switch.js';
import { useScrollback } from './layout/use-scrollback.js';
import { useTerminalSize } from './layout/use-terminal-size.js';
import { LessonPanel } from './lesson-panel.js';
import type { RuntimeSnapshot } from './lesson-runtime.js';
import type { ScreenRuntime } from './screen-runtime.js';
import { StatusLine } from './status-line.js';
import { TerminalPane } from './terminal-pane.js';
import { useLessonKeys } from './use-lesson-keys.js';

/** Props of the lesson screen. */
export interface LessonScreenProps {
  runtime: ScreenRuntime;
  /** Called once the student leaves (Ctrl-D, `exit`). */
  onExit(): void;
  /** Overrides NO_COLOR from the environment (tests). */
  noColor?: boolean;
}

/** A lesson in progress. */
export function LessonScreen({ runtime, onExit, noColor }: LessonScreenProps) {
  const state = useSyncExternalStore(runtime.subscribe, runtime.snapshot);
  const editor = useLessonKeys(runtime, !state.exited);
  const panel = usePanelSwitch(!state.exited);
  const { columns, rows } = useTerminalSize();
  const color = !(noColor ?? noColorRequested());
  useMemo(() => applyColorMode(!color), [color]);
  const layout = screenLayout(columns, rows);
  const scrolledBack = useScrollback(!state.exited, layout.terminal.height, state.lines.length);
  const scenario = runtime.scenario;
  const clusterView = runtime.clusterView;
  const view = viewStrings(runtime.lang);
  useEffect(() => {
    if (state.exited) onExit();
  }, [state.exited, onExit]);
  const part = (name: PanelName, width: number, height: number | undefined) => {
    if (name === 'lesson') return <LessonPanel scenario={scenario} lang={runtime.lang} text={runtime.text} state={state} sessionFile={runtime.recorder.file} width={width} height={height} />;
    // No view model (a real cluster): the panel says so plainly rather than showing half a view.
    if (!clusterView) return <StyledLines lines={runtime.panelsUnavailable().map((text) => [{ text }])} width={width} height={height} />;
    if (name === 'cluster') return <ClusterPanel picture={clusterView.picture()} text={view} width={width} height={height} />;
    return <TrafficPanel traffic={clusterView.trafficSummary()} text={view} width={width} height={height} />;
  };
  /** A panel under its header row. */
  const titled = (name: PanelName, width: number, height: number | undefined, alone: boolean) => (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <StyledLines lines={[tabRow(name, view, width, color, alone)]} width={width} />
      {part(name, width, height === undefined ? undefined : height - 1)}
    </Box>
  );
  const terminal = (
    <TerminalPane
      lines={state.lines}
      partial={state.partial}
      running={state.running}
      prompt={state.prompt}
      line={editor.view()}
      width={layout.terminal.width}
      height={layout.terminal.height}
      scrolledBack={scrolledBack}
      scrollMarker={view.scrolledBack}
    />
  );
  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={layout.width}>
        {layout.kind === 'wide' ? (
          <Box flexDirection="row">
            <Box flexDirection="column" width={layout.terminal.width} marginRight={1}>
              {terminal}
              {part('lesson', layout.lesson.width, layout.lesson.height)}
            </Box>
            <Box flexDirection="column" width={layout.cluster.width}>
              {titled('cluster', layout.cluster.width, layout.cluster.height, true)}
              {titled('traffic', layout.traffic.width, layout.traffic.height, true)}
            </Box>
          </Box>
        ) : (
          <>
            {terminal}
            {titled(panel, layout.panel.width, layout.panel.height, false)}
          </>
        )}
        <Status state={state} runtime={runtime} width={rows === undefined ? undefined : layout.width} switchKey={layout.kind === 'wide' ? undefined : view.switchKey(nextPanel(panel))} shortHelp={view.shortHelp} />
      </Box>
    </ColorContext.Provider>
  );
}

function Status({ state, runtime, width, switchKey, shortHelp }: { state: RuntimeSnapshot; runtime: ScreenRuntime; width?: number; switchKey?: string; shortHelp: string }) {
  return (
    <StatusLine
      text={runtime.text}
      lessonId={runtime.scenario.id}
      stepNumber={state.stepNumber}
      stepCount={state.stepCount}
      finished={state.finished}
      virtualMs={state.virtualMs}
      paused={state.paused}
      speed={state.speed}
      meter={state.meter}
      seed={state.seed}
      langName={runtime.text.langName}
      width={width}
      switchKey={switchKey}
      shortHelp={shortHelp}
    />
  );
}
