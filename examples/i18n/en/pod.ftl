# The example API's messages of `pod` in English.

GetPodError = Failed to get the pod
GetPodEventError = Failed to get the pod's events
