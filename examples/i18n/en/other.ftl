# The example API's messages of `other` in English.

GetClusterError = Failed to get the cluster information
GetEndpointError = Failed to get the endpoint
GetNodeError = Failed to get the node
