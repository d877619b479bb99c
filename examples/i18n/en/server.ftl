# The example server's messages in English.

ParamInvalid = Invalid parameter
PodExists = Pod { $name } already exists in namespace { $namespace }
PodNotFound = Pod { $name } not found in namespace { $namespace }
Events = Failed to get the pod's events
    .explanation = The event store is unavailable for a while, whatever the request. Retry later; if it keeps failing, read the events with `kubectl get events -n <namespace>`.
