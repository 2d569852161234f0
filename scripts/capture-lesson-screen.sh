#!/usr/bin/env bash
# Captures the lesson screen for the README, from the built CLI in tmux (capture-pane -p):
# the blue/green lesson at 80x24 with NO_COLOR after both Deployments were applied (cluster
# view), and the canary lesson at 150x40 after 100 requests from a busybox pod. Prints both.
# Run `npm run build` first. Needs tmux. Times are waits for the wall clock to move the
# lesson's virtual clock, so the captures differ slightly from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
sock="kubelab-capture-$$"
tmux_() { tmux -L "$sock" "$@"; }
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
work=$(mktemp -d)
wait_for() { # session text
  for _ in $(seq 1 150); do
    if tmux_ capture-pane -p -t "$1" | grep -qF -- "$2"; then return 0; fi
    sleep 0.2
  done
  echo "capture: the screen never showed $2" >&2
  tmux_ capture-pane -p -t "$1" >&2
  exit 1
}
start() { # session cols rows lesson env
  tmux_ new-session -d -s "$1" -x "$2" -y "$3" \
    "cd '$PWD' && env -u EDITOR LANG=C.UTF-8 $5 KUBELAB_HOME='$work/home' node dist/cli/main.js lesson $4 --lang en --workdir '$work/$4'; sleep 600"
}

start bg 80 24 blue-green "NO_COLOR=1"
wait_for bg 'step 1/6'
tmux_ send-keys -t bg 'kubectl apply -f blue-env.yaml' Enter
wait_for bg 'service/test-service created'
tmux_ send-keys -t bg 'kubectl apply -f green-env.yaml' Enter
wait_for bg 'deployment.apps/test-deployment-green created'
tmux_ send-keys -t bg C-g
wait_for bg '[Cluster]'
sleep 15
echo '--- blue-green 80x24 ---'
tmux_ capture-pane -p -t bg

start cn 150 40 canary ""
wait_for cn 'step 1/9'
tmux_ send-keys -t cn 'kubectl apply -f stable-env.yaml' Enter
wait_for cn 'service/nginx-service created'
sleep 12
tmux_ send-keys -t cn 'kubectl apply -f canary-env.yaml' Enter
wait_for cn 'deployment.apps/nginx-canary-deployment created'
sleep 12
tmux_ send-keys -t cn 'kubectl run tmp --image=busybox -it --rm -- sh' Enter
wait_for cn '/ #'
tmux_ send-keys -t cn 'for i in $(seq 100); do wget -qO- http://nginx-service | grep Hello; done | tail -22' Enter
wait_for cn '100 answers'
echo '--- canary 150x40 ---'
tmux_ capture-pane -p -t cn
