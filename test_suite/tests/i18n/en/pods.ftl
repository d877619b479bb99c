# The pods API's messages in English.

NotFound = Pod { $name } was not found in { $namespace }
Exists = Pod already exists
