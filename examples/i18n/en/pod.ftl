# The example API's messages of `pod` in English.

GetPodError = Failed to get the pod
    .explanation = No pod of that name is in the namespace. Check the name and the namespace with `kubectl get pods -n <namespace>`.
GetPodEventError = Failed to get the pod's events
