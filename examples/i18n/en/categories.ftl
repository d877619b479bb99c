# The example API's category descriptions in English.

BaseError = Base errors
PodError = Pod errors
DeploymentError = Deployment errors
ServiceError = Service errors
TerminalError = Terminal errors
OtherError = Other errors
