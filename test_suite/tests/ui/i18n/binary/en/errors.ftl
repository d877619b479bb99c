NotFound = Pod ÿþ not found
