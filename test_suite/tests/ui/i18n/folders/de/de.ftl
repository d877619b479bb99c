Gone = Weg
