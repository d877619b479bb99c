NotFound = Pod not found
    .hint = Check the name
