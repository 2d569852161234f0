# The blue/green lesson of ../shared/seed/zero-downtime-lessons.ko.md, as typed by a student.
kubectl apply -f blue-env.yaml
kubectl describe service test-service
kubectl apply -f green-env.yaml
kubectl get pods --show-labels
kubectl patch service test-service --patch-file patch-green.yaml
kubectl describe service test-service
kubectl delete deployment test-deployment-blue
kubectl delete deployment test-deployment-green
kubectl delete service test-service
