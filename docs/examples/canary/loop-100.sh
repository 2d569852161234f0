# The canary lesson's traffic check from ../shared/seed/zero-downtime-lessons.ko.md, bounded
# to 100 requests so it ends on its own (the benchmark's canary script).
kubectl apply -f stable-env.yaml
kubectl apply -f canary-env.yaml
kubectl get pods --show-labels
kubectl run tmp --rm -it --image=curlimages/curl --restart=Never -- sh
for i in $(seq 100); do curl -s http://nginx-service | grep Hello; done
exit
kubectl delete -f canary-env.yaml
kubectl delete -f stable-env.yaml
