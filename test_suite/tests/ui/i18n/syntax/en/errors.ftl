NotFound = Pod { $name } was not found
Exists = { $name
