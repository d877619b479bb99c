NotFound = Pod { $name } not found
Exists = Pod exists
Exists = Pod exists again
