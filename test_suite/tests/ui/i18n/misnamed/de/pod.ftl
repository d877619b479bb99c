Gone = Es ist weg
