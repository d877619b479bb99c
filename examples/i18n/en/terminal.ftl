# The example API's messages of `terminal` in English.

GetTerminalError = Failed to get the terminal
WebsocketError = WebSocket error
RequestK8sExecError = Kubernetes exec request failed
