# The example API's messages of `deployment` in English.

GetDeploymentError = Failed to get the deployment
