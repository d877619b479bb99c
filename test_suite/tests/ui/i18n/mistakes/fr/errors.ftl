Exists = Le pod existe déjà
