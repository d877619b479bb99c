Exists = x
