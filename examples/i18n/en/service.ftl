# The example API's messages of `service` in English.

GetServiceError = Failed to get the service
